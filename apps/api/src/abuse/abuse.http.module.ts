import { Module } from '@nestjs/common';
import { AbuseModule } from '@frontline/abuse';
import { ContactVolumesController } from './contact-volumes.http.controller';
import { IncidentsController } from './incidents.http.controller';

@Module({ imports: [AbuseModule], controllers: [IncidentsController, ContactVolumesController] })
export class AbuseHttpModule {}
