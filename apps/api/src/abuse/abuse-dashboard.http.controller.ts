import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AbuseDashboardQuery } from '@frontline/abuse';
import { Roles } from '@frontline/platform';
import { AbuseDashboardResponse } from '../common/dashboard.response.dto';
import { AbuseDashboardRequest } from './abuse-reads.request.dto';

@ApiTags('abuse')
@ApiBearerAuth()
@Roles('hr', 'admin')
@Controller('v1/dashboards/abuse')
export class AbuseDashboardController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Abuse trends and rates per 1,000 contacts, privacy-protected' })
  @ApiOkResponse({
    type: AbuseDashboardResponse,
    description:
      'Per period: the organisation total and each group, with cells about too few reporters as `{value: null, suppressed: true}`',
  })
  read(@Query() request: AbuseDashboardRequest) {
    return this.queries.execute(new AbuseDashboardQuery(request));
  }
}
