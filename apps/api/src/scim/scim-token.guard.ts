import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ScimTokens } from '@frontline/directory';
import type { Actor } from '@frontline/platform';

/** Who SCIM writes are recorded as: the organisation's identity provider, never a person. */
export const SCIM_CLIENT: Actor = Object.freeze({ personId: '00000000-0000-5000-8000-00000000005c', roles: [] });

/** /scim/v2 takes the SCIM token and nothing else: a person's token, even an admin's, is refused. */
@Injectable()
export class ScimTokenGuard implements CanActivate {
  constructor(private readonly tokens: ScimTokens) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token || !(await this.tokens.accepts(token)))
      throw new UnauthorizedException('The SCIM token is required');
    request.actor = SCIM_CLIENT;
    return true;
  }
}
