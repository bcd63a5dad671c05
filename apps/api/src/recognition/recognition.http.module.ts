import { Module } from '@nestjs/common';
import { RecognitionModule } from '@frontline/recognition';
import { KudosController } from './kudos.http.controller';
import { PraiseController } from './praise.http.controller';

@Module({ imports: [RecognitionModule], controllers: [KudosController, PraiseController] })
export class RecognitionHttpModule {}
