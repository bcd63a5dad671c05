import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import type { CommandContext } from '../commands/command-context';
import { writtenAt } from './as-of';

/** The actor, request id, Idempotency-Key and time of the request, for a command. */
export const Context = createParamDecorator((_: unknown, context: ExecutionContext): CommandContext => {
  const request = context.switchToHttp().getRequest<FastifyRequest & { actor: Actor }>();
  const key = request.headers['idempotency-key'];
  return {
    actor: request.actor,
    correlationId: request.id,
    idempotencyKey: typeof key === 'string' ? key : undefined,
    now: writtenAt(request),
  };
});
