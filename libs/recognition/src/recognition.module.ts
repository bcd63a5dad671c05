import { Module } from '@nestjs/common';
import { ReactToKudosHandler } from './application/react-to-kudos.handler';
import { RecordPraiseHandler } from './application/record-praise.handler';
import { RemoveKudosHandler } from './application/remove-kudos.handler';
import { SendKudosHandler } from './application/send-kudos.handler';
import { MyRecognitionQuery } from './queries/my-recognition.query';
import { RecognitionDashboardQuery } from './queries/recognition-dashboard.query';
import { RecognitionFeeds } from './queries/recognition-feeds.query';
import { RecognitionGapsQuery } from './queries/recognition-gaps.query';

const queries = [RecognitionFeeds, MyRecognitionQuery, RecognitionGapsQuery, RecognitionDashboardQuery];

@Module({
  providers: [SendKudosHandler, ReactToKudosHandler, RemoveKudosHandler, RecordPraiseHandler, ...queries],
  exports: queries,
})
export class RecognitionModule {}
