import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { type CommandContext, Context } from '@frontline/platform';
import { ScimEndpoint, answer, filterOf, listOf, paging } from './scim.http';
import { ScimGroups } from './scim-groups';

type Reply = FastifyReply;

@ScimEndpoint()
@Controller('scim/v2/Groups')
export class ScimGroupsController {
  constructor(private readonly groups: ScimGroups) {}

  @Get()
  async list(@Query() query: Record<string, string>, @Res({ passthrough: true }) reply: Reply) {
    const { startIndex, count } = paging(query);
    const { total, resources } = await this.groups.list(filterOf(query));
    return listOf(
      reply,
      'Group',
      { total, resources: resources.slice(startIndex - 1, startIndex - 1 + count) },
      startIndex,
    );
  }

  @Get(':id')
  async get(@Param('id') id: string, @Res({ passthrough: true }) reply: Reply) {
    return answer(reply, 'Group', await this.groups.get(id));
  }

  @Post()
  @HttpCode(201)
  async create(@Body() body: unknown, @Context() context: CommandContext, @Res({ passthrough: true }) reply: Reply) {
    const created = answer(reply, 'Group', await this.groups.create(body, context)) as { meta: { location: string } };
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
    return answer(reply, 'Group', await this.groups.replace(id, body, context));
  }

  /** 204, as Entra ID expects of a membership change: a large team's members are not sent back. */
  @Patch(':id')
  @HttpCode(204)
  async patch(@Param('id') id: string, @Body() body: unknown, @Context() context: CommandContext) {
    await this.groups.patch(id, body, context);
  }

  /** Teams and roles outlive their groups at the identity provider: the directory keeps its history. */
  @Delete(':id')
  @HttpCode(204)
  async delete(@Param('id') id: string) {
    await this.groups.get(id);
  }
}
