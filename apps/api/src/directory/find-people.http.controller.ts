import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import {
  FIND_PEOPLE_LIMIT,
  FIND_PEOPLE_MAX_LENGTH,
  FIND_PEOPLE_MIN_LENGTH,
  FindPeopleQuery,
  type FoundPerson,
} from '@frontline/directory';

export class FindPeopleRequest {
  @ApiProperty({ minLength: FIND_PEOPLE_MIN_LENGTH, maxLength: FIND_PEOPLE_MAX_LENGTH, example: 'chlo' })
  @IsString()
  @Length(FIND_PEOPLE_MIN_LENGTH, FIND_PEOPLE_MAX_LENGTH)
  q!: string;
}

class FoundPersonResponse implements FoundPerson {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty() teamName: string;
}

export class FindPeopleResponse {
  @ApiProperty({ type: [FoundPersonResponse], maxItems: FIND_PEOPLE_LIMIT }) items: FoundPersonResponse[];
}

/** Anyone may find a colleague by name (to send kudos): a few active people, never the whole directory. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('v1/people')
export class FindPeopleController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Find colleagues by name',
    description: `Active people whose name has a word starting with each word of \`q\` (case and accents aside), by name, at most ${FIND_PEOPLE_LIMIT}.`,
  })
  @ApiOkResponse({ type: FindPeopleResponse })
  find(@Query() { q }: FindPeopleRequest) {
    return this.queries.execute(new FindPeopleQuery(q));
  }
}
