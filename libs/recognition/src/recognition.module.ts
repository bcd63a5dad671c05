import { Module } from '@nestjs/common';
import { ReactToKudosHandler } from './application/react-to-kudos.handler';
import { RecordPraiseHandler } from './application/record-praise.handler';
import { RemoveKudosHandler } from './application/remove-kudos.handler';
import { SendKudosHandler } from './application/send-kudos.handler';

@Module({ providers: [SendKudosHandler, ReactToKudosHandler, RemoveKudosHandler, RecordPraiseHandler] })
export class RecognitionModule {}
