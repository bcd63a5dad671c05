import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { BullBoardModule } from '@bull-board/nestjs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { onRequestAsyncHookHandler } from 'fastify';
import { QUEUES, TokenVerifier, problemType } from '@frontline/platform';

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
  const tokens = app.get(TokenVerifier);
  const adminsOnly: onRequestAsyncHookHandler = async (request, reply) => {
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    const actor =
      scheme?.toLowerCase() === 'bearer' && token ? await tokens.verify(token).catch(() => undefined) : undefined;
    if (actor?.roles.includes('admin')) return;
    const status = actor ? 403 : 401;
    const title = actor ? 'The queue board is for admins' : 'A bearer token is required';
    return reply
      .code(status)
      .type('application/problem+json')
      .send({
        type: problemType(actor ? 'forbidden' : 'unauthenticated'),
        title,
        status,
        instance: request.url.split('?')[0],
      });
  };
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      if (route.url.startsWith(QUEUES_BOARD_ROUTE)) route.onRequest = [route.onRequest ?? [], adminsOnly].flat();
    });
}
