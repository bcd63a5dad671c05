import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RepeatAbusersQuery } from '@frontline/abuse';
import { Roles } from '@frontline/platform';
import { PageRequest } from '../common/read.request.dto';
import { RepeatAbusersResponse } from './abuse-reads.response.dto';

/** Customers (by pseudonym only) reported by several agents: the wellbeing officer's to act on, nobody else's. */
@ApiTags('abuse')
@ApiBearerAuth()
@Roles('wellbeing_officer')
@Controller('v1/repeat-abusers')
export class RepeatAbusersController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'List customers reported by several agents' })
  @ApiOkResponse({ type: RepeatAbusersResponse, description: 'Repeat-abuser matches, newest first' })
  @ApiForbiddenResponse({ description: 'Not a wellbeing officer' })
  list(@Query() page: PageRequest) {
    return this.queries.execute(new RepeatAbusersQuery(page));
  }
}
