import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class PageRequest {
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

export class RecognitionGapsRequest extends PageRequest {
  @ApiPropertyOptional({ minimum: 1, maximum: 365, default: 30, description: 'Not recognised for this many days' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  days: number = 30;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class RecognitionDashboardRequest {
  @ApiProperty({ format: 'date', description: 'First day (UTC) of the first period' })
  @Matches(DATE, { message: 'from must be a date, YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ format: 'date', description: 'Last day (UTC) of the last period' })
  @Matches(DATE, { message: 'to must be a date, YYYY-MM-DD' })
  to!: string;

  @ApiPropertyOptional({ enum: ['week', 'month'], default: 'month', description: 'ISO weeks or calendar months, UTC' })
  @IsOptional()
  @IsIn(['week', 'month'])
  interval: 'week' | 'month' = 'month';

  @ApiPropertyOptional({ enum: ['team'], default: 'team' })
  @IsOptional()
  @IsIn(['team'])
  groupBy = 'team' as const;
}
