import { Module } from '@nestjs/common';
import { LogWellbeingActivityHandler } from './application/log-wellbeing-activity.handler';
import { SubmitPulseCheckInHandler } from './application/submit-pulse-check-in.handler';

@Module({ providers: [LogWellbeingActivityHandler, SubmitPulseCheckInHandler] })
export class WellbeingModule {}
