import { Module } from '@nestjs/common';
import { DirectoryModule } from '@frontline/directory';
import { ReactToKudosHandler } from './application/react-to-kudos.handler';
import { RecordPraiseHandler } from './application/record-praise.handler';
import { RemoveKudosHandler } from './application/remove-kudos.handler';
import { SendKudosHandler } from './application/send-kudos.handler';
import { MyRecognitionHandler } from './queries/my-recognition.handler';
import { RecognitionDashboardHandler } from './queries/recognition-dashboard.handler';
import { RecognitionFeedsHandler } from './queries/recognition-feeds.handler';
import { RecognitionGapsHandler } from './queries/recognition-gaps.handler';
import { RecognitionLive } from './queries/recognition-live';

@Module({
  // For the sites of teams, which facts record.
  imports: [DirectoryModule],
  providers: [
    SendKudosHandler,
    ReactToKudosHandler,
    RemoveKudosHandler,
    RecordPraiseHandler,
    RecognitionFeedsHandler,
    MyRecognitionHandler,
    RecognitionGapsHandler,
    RecognitionDashboardHandler,
    RecognitionLive,
  ],
  exports: [RecognitionLive],
})
export class RecognitionModule {}
