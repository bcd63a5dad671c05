import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DAY_MS } from '@frontline/decider';
import { systemClock } from '../clock';

/**
 * Development only (`FRONTLINE_ENV=development`): a client may say when a write happened, so that the demo
 * writes its weeks of history as they happened (dashboards count a fact in the week it was
 * recorded once that week has ended, and show a week only once it has ended). At most as far
 * back as an incident may be reported, never in the future.
 */
export const AS_OF_HEADER = 'x-frontline-as-of';
const MAX_DAYS_BACK = 90;

const moments = new WeakMap<object, Date>();

export function acceptAsOf(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const header = request.headers[AS_OF_HEADER];
    if (header === undefined) return done();
    const moment = new Date(String(header));
    const now = systemClock.now();
    if (Number.isNaN(moment.getTime()) || moment > now || now.getTime() - moment.getTime() > MAX_DAYS_BACK * DAY_MS) {
      reply
        .code(400)
        .type('application/problem+json')
        .send({
          type: '/problems/invalid-as-of',
          title: 'Bad X-Frontline-As-Of',
          status: 400,
          detail: `${AS_OF_HEADER} is an ISO-8601 moment in the last ${MAX_DAYS_BACK} days`,
        });
      return;
    }
    moments.set(request.raw, moment);
    done();
  });
}

/** When a write happened: the request's X-Frontline-As-Of where accepted, or now. */
export function writtenAt(request: FastifyRequest): Date {
  return moments.get(request.raw) ?? systemClock.now();
}
