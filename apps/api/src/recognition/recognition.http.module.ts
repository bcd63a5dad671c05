import { Module } from '@nestjs/common';
import { RecognitionModule } from '@frontline/recognition';
import { FeedsController } from './feeds.http.controller';
import { KudosController } from './kudos.http.controller';
import { PraiseController } from './praise.http.controller';
import { RecognitionStatsController } from './recognition-stats.http.controller';

@Module({
  imports: [RecognitionModule],
  controllers: [KudosController, PraiseController, FeedsController, RecognitionStatsController],
})
export class RecognitionHttpModule {}
