import { Module } from '@nestjs/common';
import { WellbeingModule } from '@frontline/wellbeing';
import { WellbeingController } from './wellbeing.http.controller';

@Module({ imports: [WellbeingModule], controllers: [WellbeingController] })
export class WellbeingHttpModule {}
