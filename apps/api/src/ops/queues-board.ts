import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { BullBoardModule } from '@bull-board/nestjs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { onRequestAsyncHookHandler } from 'fastify';
import { UnauthorizedException } from '@nestjs/common';
import { Authentication, NotEnrolledError, type Problem, QUEUES, problemType } from '@frontline/platform';

export const QUEUES_BOARD_ROUTE = '/queues';

/** Bull Board over every worker queue. */
export const QueuesBoardModules = [
  BullBoardModule.forRoot({ route: QUEUES_BOARD_ROUTE, adapter: FastifyAdapter }),
  BullBoardModule.forFeature(...Object.values(QUEUES).map((name) => ({ name, adapter: BullMQAdapter }))),
];

/**
 * Bull Board's routes are Fastify's, outside Nest's guards: this hook, added to each of them
 * (and to no other route), lets only admins in, with the same bearer tokens as the rest of the api.
 */
export function protectQueuesBoard(app: NestFastifyApplication): void {
  const authentication = app.get(Authentication);
  const adminsOnly: onRequestAsyncHookHandler = async (request, reply) => {
    const refusal = await refusalAtTheBoard(authentication, request.headers.authorization);
    if (!refusal) return;
    return reply
      .code(refusal.status)
      .type('application/problem+json')
      .send({ ...refusal, instance: request.url.split('?')[0] });
  };

  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      if (route.url.startsWith(QUEUES_BOARD_ROUTE)) route.onRequest = [route.onRequest ?? [], adminsOnly].flat();
    });
}

/** The problem a caller gets at the board's door (as the guard and problem filter answer elsewhere), or none for an admin. */
async function refusalAtTheBoard(
  authentication: Authentication,
  authorization: string | undefined,
): Promise<Problem | undefined> {
  try {
    const actor = await authentication.actorFor(authorization);
    if (actor.roles.includes('admin')) return undefined;
    return { type: problemType('forbidden'), title: 'The queue board is for admins', status: 403 };
  } catch (error) {
    if (error instanceof UnauthorizedException) {
      return { type: problemType('unauthenticated'), title: error.message, status: 401 };
    }
    if (error instanceof NotEnrolledError) return { type: problemType(error.code), title: error.message, status: 403 };
    throw error;
  }
}
