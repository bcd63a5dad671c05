import { ApiPropertyOptional } from '@nestjs/swagger';
import { DashboardRequest, PageRequest } from '../common/read.request.dto';

import { IsIn, IsOptional } from 'class-validator';
import { INTERVALS, type Interval } from '@frontline/decider';

export class MyWellbeingRequest extends PageRequest {}

export class WellbeingDashboardRequest extends DashboardRequest {
  @ApiPropertyOptional({ enum: INTERVALS, default: 'week', description: 'ISO weeks or calendar months, in UTC' })
  @IsOptional()
  @IsIn(INTERVALS)
  override interval: Interval = 'week';

  @ApiPropertyOptional({
    enum: ['site', 'team'],
    default: 'site',
    description: 'One level of groups: sites, or the teams of a site (with `site`)',
  })
  @IsOptional()
  @IsIn(['site', 'team'])
  override groupBy: 'site' | 'team' = 'site';
}
