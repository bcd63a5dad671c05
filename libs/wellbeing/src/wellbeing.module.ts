import { Module } from '@nestjs/common';
import { DirectoryModule } from '@frontline/directory';
import { LogWellbeingActivityHandler } from './application/log-wellbeing-activity.handler';
import { SubmitPulseCheckInHandler } from './application/submit-pulse-check-in.handler';
import { MyWellbeingHandler } from './queries/my-wellbeing.handler';
import { WellbeingDashboardHandler } from './queries/wellbeing-dashboard.handler';

@Module({
  // For the sites of teams, which facts record.
  imports: [DirectoryModule],
  providers: [LogWellbeingActivityHandler, SubmitPulseCheckInHandler, MyWellbeingHandler, WellbeingDashboardHandler],
})
export class WellbeingModule {}
