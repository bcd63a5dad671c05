import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ScimEndpoint } from './scim.http';
import { SCIM_CONTENT_TYPE, scimmy } from './scimmy';

/** What the service supports and which schemas it takes, as SCIMMY describes them (RFC 7644, section 4). */
@ScimEndpoint()
@Controller('scim/v2')
export class ScimDiscoveryController {
  @Get('ServiceProviderConfig')
  serviceProviderConfig(@Res({ passthrough: true }) reply: FastifyReply) {
    return this.read(reply, new (scimmy().Resources.ServiceProviderConfig)());
  }

  @Get('ResourceTypes')
  resourceTypes(@Res({ passthrough: true }) reply: FastifyReply) {
    return this.read(reply, new (scimmy().Resources.ResourceType)());
  }

  @Get('ResourceTypes/:id')
  resourceType(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.read(reply, new (scimmy().Resources.ResourceType)(id));
  }

  @Get('Schemas')
  schemas(@Res({ passthrough: true }) reply: FastifyReply) {
    return this.read(reply, new (scimmy().Resources.Schema)());
  }

  @Get('Schemas/:id')
  schema(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.read(reply, new (scimmy().Resources.Schema)(id));
  }

  private read(reply: FastifyReply, resource: { read(): Promise<unknown> }) {
    void reply.type(SCIM_CONTENT_TYPE);
    return resource.read();
  }
}
