import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import {
  DASHBOARD_GROUPINGS,
  DASHBOARD_INTERVALS,
  type DashboardGrouping,
  type DashboardInterval,
  QUEUE_STATUSES,
  type QueueStatus,
} from '@frontline/abuse';

export class IncidentPageRequest {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page, as given' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;
}

export class IncidentQueueRequest extends IncidentPageRequest {
  @ApiPropertyOptional({ enum: QUEUE_STATUSES, description: 'Only incidents where they stand now' })
  @IsOptional()
  @IsIn(QUEUE_STATUSES)
  status?: QueueStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'A team lead may only give their own team' })
  @IsOptional()
  @IsUUID()
  teamId?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class AbuseDashboardRequest {
  @ApiProperty({ format: 'date', description: 'First day (UTC) of the first period' })
  @Matches(DATE, { message: 'from must be a date, YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ format: 'date', description: 'Last day (UTC) of the last period' })
  @Matches(DATE, { message: 'to must be a date, YYYY-MM-DD' })
  to!: string;

  @ApiPropertyOptional({
    enum: DASHBOARD_INTERVALS,
    default: 'month',
    description: 'ISO weeks or calendar months, UTC',
  })
  @IsOptional()
  @IsIn(DASHBOARD_INTERVALS)
  interval: DashboardInterval = 'month';

  @ApiPropertyOptional({ enum: DASHBOARD_GROUPINGS, default: 'team' })
  @IsOptional()
  @IsIn(DASHBOARD_GROUPINGS)
  groupBy: DashboardGrouping = 'team';
}
