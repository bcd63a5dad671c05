import { Module } from '@nestjs/common';
import { DirectoryModule } from '@frontline/directory';
import { ChangeIncidentHandler } from './application/change-incident.handler';
import { RecordContactVolumesHandler } from './application/record-contact-volumes.handler';
import { ReportIncidentHandler } from './application/report-incident.handler';
import { AbuseDashboardHandler } from './queries/abuse-dashboard.handler';
import { GetIncidentHandler } from './queries/get-incident.handler';
import { IncidentQueueHandler } from './queries/incident-queue.handler';
import { MyIncidentsHandler } from './queries/my-incidents.handler';
import { RepeatAbusersHandler } from './queries/repeat-abusers.handler';

@Module({
  // For the sites of teams, which facts record.
  imports: [DirectoryModule],
  providers: [
    ReportIncidentHandler,
    ChangeIncidentHandler,
    RecordContactVolumesHandler,
    GetIncidentHandler,
    IncidentQueueHandler,
    MyIncidentsHandler,
    RepeatAbusersHandler,
    AbuseDashboardHandler,
  ],
})
export class AbuseModule {}
