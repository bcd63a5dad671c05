import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  createParamDecorator,
  ForbiddenException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { type Actor, type Role, hasRole } from './actor';
import { Authentication } from './authentication';

const PUBLIC = 'frontline:public';
const ROLES_ALLOWED = 'frontline:roles';

/** Open to anyone without a token: health, metrics, docs, dev tokens. */
export const Public = () => SetMetadata(PUBLIC, true);

/** Only people with one of these roles reach the handler; object-level checks come after. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_ALLOWED, roles);

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<FastifyRequest & { actor: Actor }>().actor;
});

/** Every route needs a valid bearer token unless it is @Public(); roles and team come from the directory. */
@Injectable()
export class AuthGuard implements CanActivate {
  /** Whether a route handler is public, looked up once: metadata lookups cost more than the rest of a health check. */
  private readonly publicHandlers = new WeakMap<object, boolean>();

  constructor(
    private readonly reflector: Reflector,
    private readonly authentication: Authentication,
  ) {}

  // Public routes answer synchronously: a promise per request is measurable on the cheapest routes.
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const handler = context.getHandler();
    let isPublic = this.publicHandlers.get(handler);
    if (isPublic === undefined) {
      isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC, [handler, context.getClass()]) ?? false;
      this.publicHandlers.set(handler, isPublic);
    }
    return isPublic || this.authenticate(context);
  }

  private async authenticate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    request.actor = await this.authentication.actorFor(request.headers.authorization);

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_ALLOWED, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (allowed && !hasRole(request.actor, ...allowed)) throw new ForbiddenException('Your role does not allow this');
    return true;
  }
}
