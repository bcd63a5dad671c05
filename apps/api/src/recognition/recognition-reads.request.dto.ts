import { ApiPropertyOptional } from '@nestjs/swagger';
import { DashboardRequest, PageRequest } from '../common/read.request.dto';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class RecognitionGapsRequest extends PageRequest {
  @ApiPropertyOptional({ minimum: 1, maximum: 365, default: 30, description: 'Not recognised for this many days' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  days: number = 30;
}

export class RecognitionDashboardRequest extends DashboardRequest {
  @ApiPropertyOptional({
    enum: ['site', 'team'],
    default: 'site',
    description: 'One level of groups: sites, or the teams of a site (with `site`)',
  })
  @IsOptional()
  @IsIn(['site', 'team'])
  override groupBy: 'site' | 'team' = 'site';
}
