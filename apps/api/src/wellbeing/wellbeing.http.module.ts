import { Module } from '@nestjs/common';
import { WellbeingModule } from '@frontline/wellbeing';
import { WellbeingController } from './wellbeing.http.controller';
import { WellbeingReadsController } from './wellbeing-reads.http.controller';

@Module({ imports: [WellbeingModule], controllers: [WellbeingController, WellbeingReadsController] })
export class WellbeingHttpModule {}
