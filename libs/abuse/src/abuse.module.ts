import { Module } from '@nestjs/common';
import { ChangeIncidentHandler } from './application/change-incident.handler';
import { GetIncidentHandler } from './application/get-incident.handler';
import { RecordContactVolumesHandler } from './application/record-contact-volumes.handler';
import { ReportIncidentHandler } from './application/report-incident.handler';
import { AbuseDashboardQuery } from './queries/abuse-dashboard.query';
import { IncidentQueueQuery } from './queries/incident-queue.query';
import { MyIncidentsQuery } from './queries/my-incidents.query';
import { RepeatAbusersQuery } from './queries/repeat-abusers.query';

@Module({
  providers: [
    ReportIncidentHandler,
    ChangeIncidentHandler,
    GetIncidentHandler,
    RecordContactVolumesHandler,
    IncidentQueueQuery,
    MyIncidentsQuery,
    AbuseDashboardQuery,
    RepeatAbusersQuery,
  ],
  exports: [IncidentQueueQuery, MyIncidentsQuery, AbuseDashboardQuery, RepeatAbusersQuery],
})
export class AbuseModule {}
