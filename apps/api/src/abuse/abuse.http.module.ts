import { Module } from '@nestjs/common';
import { AbuseModule } from '@frontline/abuse';
import { AbuseDashboardController } from './abuse-dashboard.http.controller';
import { ContactVolumesController } from './contact-volumes.http.controller';
import { IncidentAccessLogController } from './incident-access-log.http.controller';
import { IncidentQueueController } from './incident-queue.http.controller';
import { IncidentsController } from './incidents.http.controller';
import { RepeatAbusersController } from './repeat-abusers.http.controller';

@Module({
  imports: [AbuseModule],
  controllers: [
    IncidentQueueController,
    IncidentsController,
    IncidentAccessLogController,
    ContactVolumesController,
    AbuseDashboardController,
    RepeatAbusersController,
  ],
})
export class AbuseHttpModule {}
