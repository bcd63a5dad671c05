import { ApiPropertyOptional } from '@nestjs/swagger';
import { DashboardRangeRequest, PageRequest } from '../common/read.request.dto';

import { IsIn, IsOptional } from 'class-validator';
import { INTERVALS, type Interval } from '@frontline/decider';

export class MyWellbeingRequest extends PageRequest {}

export class WellbeingDashboardRequest extends DashboardRangeRequest {
  @ApiPropertyOptional({ enum: INTERVALS, default: 'week', description: 'ISO weeks or calendar months, in UTC' })
  @IsOptional()
  @IsIn(INTERVALS)
  override interval: Interval = 'week';

  @ApiPropertyOptional({ enum: ['team'], default: 'team' })
  @IsOptional()
  @IsIn(['team'])
  groupBy = 'team' as const;
}
