import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DashboardRequest, PageRequest } from '../common/read.request.dto';

import { DASHBOARD_GROUPINGS, type DashboardGrouping, QUEUE_STATUSES, type QueueStatus } from '@frontline/abuse';

export class IncidentQueueRequest extends PageRequest {
  @ApiPropertyOptional({ enum: QUEUE_STATUSES, description: 'Only incidents where they stand now' })
  @IsOptional()
  @IsIn(QUEUE_STATUSES)
  status?: QueueStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'A team lead may only give their own team' })
  @IsOptional()
  @IsUUID()
  teamId?: string;
}

export class AbuseDashboardRequest extends DashboardRequest {
  @ApiPropertyOptional({
    enum: DASHBOARD_GROUPINGS,
    default: 'site',
    description: 'One level of groups: sites, the teams of a site (with `site`), channels, kinds or severities',
  })
  @IsOptional()
  @IsIn(DASHBOARD_GROUPINGS)
  override groupBy: DashboardGrouping = 'site';
}
