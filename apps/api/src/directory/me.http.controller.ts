import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { type Me, WhoAmIQuery } from '@frontline/directory';
import { type Actor, CurrentActor, ROLES, type Role } from '@frontline/platform';

export class MeResponse implements Me {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ description: 'As the directory has it; `[erased]` once erased' }) displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty() teamName: string;
}

@ApiTags('directory')
@ApiBearerAuth()
@Controller('v1/me')
export class MeController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Who you are: your name, roles and team, as the directory has them now' })
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentActor() actor: Actor): Promise<Me> {
    return this.queries.execute(new WhoAmIQuery(actor));
  }
}
