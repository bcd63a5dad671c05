import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { type CommandContext, Context } from '@frontline/platform';
import { ScimEndpoint, answer, filterOf, listOf, paging } from './scim.http';
import { ScimUsers } from './scim-users';

type Reply = FastifyReply;

@ScimEndpoint()
@Controller('scim/v2/Users')
export class ScimUsersController {
  constructor(private readonly users: ScimUsers) {}

  @Get()
  async list(@Query() query: Record<string, string>, @Res({ passthrough: true }) reply: Reply) {
    const { startIndex, count } = paging(query);
    return listOf(reply, 'User', await this.users.list(filterOf(query), startIndex, count), startIndex);
  }

  @Get(':id')
  async get(@Param('id') id: string, @Res({ passthrough: true }) reply: Reply) {
    return answer(reply, 'User', await this.users.get(id));
  }

  @Post()
  @HttpCode(201)
  async create(@Body() body: unknown, @Context() context: CommandContext, @Res({ passthrough: true }) reply: Reply) {
    const created = answer(reply, 'User', await this.users.create(body, context)) as { meta: { location: string } };
    void reply.header('location', created.meta.location);
    return created;
  }

  @Put(':id')
  async replace(
    @Param('id') id: string,
    @Body() body: unknown,
    @Context() context: CommandContext,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return answer(reply, 'User', await this.users.replace(id, body, context));
  }

  @Patch(':id')
  async patch(
    @Param('id') id: string,
    @Body() body: unknown,
    @Context() context: CommandContext,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return answer(reply, 'User', await this.users.patch(id, body, context));
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(@Param('id') id: string, @Context() context: CommandContext) {
    await this.users.delete(id, context);
  }
}
