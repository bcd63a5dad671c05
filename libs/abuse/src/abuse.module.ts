import { Module } from '@nestjs/common';
import { ChangeIncidentHandler } from './application/change-incident.handler';
import { GetIncidentHandler } from './application/get-incident.handler';
import { RecordContactVolumesHandler } from './application/record-contact-volumes.handler';
import { ReportIncidentHandler } from './application/report-incident.handler';

@Module({
  providers: [ReportIncidentHandler, ChangeIncidentHandler, GetIncidentHandler, RecordContactVolumesHandler],
})
export class AbuseModule {}
