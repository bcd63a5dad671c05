import { ApiPropertyOptional } from '@nestjs/swagger';
import { DashboardRangeRequest, PageRequest } from '../common/read.request.dto';

import { IsIn, IsOptional, IsUUID } from 'class-validator';
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

export class AbuseDashboardRequest extends DashboardRangeRequest {
  @ApiPropertyOptional({ enum: DASHBOARD_GROUPINGS, default: 'team' })
  @IsOptional()
  @IsIn(DASHBOARD_GROUPINGS)
  groupBy: DashboardGrouping = 'team';
}
