import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  Validate,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { INTERVALS, type Interval } from '@frontline/decider';

/** `cursor` and `limit` (at most 100) of every list. */
export class PageRequest {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page, as given' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `from`, `to` and `interval` of every dashboard; periods are UTC ISO weeks or months of whole ISO
 * weeks. Without dates, a dashboard shows the last twelve complete weeks.
 */
export class DashboardRangeRequest {
  @ApiPropertyOptional({
    format: 'date',
    example: '2026-09-01',
    description: 'A day (UTC) in the first period; by default twelve weeks before `to`',
  })
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date written YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-11-30',
    description: 'A day (UTC) in the last period; by default the last day of the last complete week',
  })
  @IsOptional()
  @Matches(DATE, { message: 'to must be a date written YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({
    enum: INTERVALS,
    default: 'month',
    description: 'ISO weeks, or months of whole ISO weeks (a week belongs to the month of its Thursday), in UTC',
  })
  @IsOptional()
  @IsIn(INTERVALS)
  interval: Interval = 'month';
}

@ValidatorConstraint({ name: 'siteWithTeams' })
class SiteWithTeams implements ValidatorConstraintInterface {
  validate(_site: unknown, { object }: ValidationArguments): boolean {
    return (object as DashboardRequest).groupBy === 'team';
  }

  defaultMessage(): string {
    return 'site lists the teams of one site: ask it with groupBy=team';
  }
}

/**
 * A dashboard answers the organisation's trend and one page of one level of groups: `groupBy`
 * (each dashboard says which), and with `site`, the teams of that site.
 */
export class DashboardRequest extends IntersectionType(DashboardRangeRequest, PageRequest) {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the teams of this site; with groupBy=team' })
  @IsOptional()
  @IsUUID()
  @Validate(SiteWithTeams)
  site?: string;

  /** Each dashboard declares its own groupings. */
  groupBy?: string;
}
