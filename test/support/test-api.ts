import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Actor, type AppConfig, Clock, type Role, TokenVerifier } from '@frontline/platform';
import { isoWeek, monthOfPeriod, periodEnd } from '@frontline/decider';
import { type TestDatabase, createTestDatabase, deleteRedisKeys, testConfig } from '@frontline/testing';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { encodeLogPosition } from '@frontline/event-store';
import { Client } from 'pg';
import { ALL_PROJECTIONS } from '@frontline/projections';
import { ReadModels, activeKeyspace } from '@frontline/read-models';
import { createApiApp } from '../../apps/api/src/api.app';
import { ProjectorModule } from '../../apps/projector/src/projector.module';
import { WorkerModule } from '../../apps/worker/src/worker.module';

export interface TestApi {
  app: NestFastifyApplication;
  config: AppConfig;
  database: TestDatabase;
  /** The worker's Nest context (needs `worker: true`): `api.worker.get(SomeProcessor)`. */
  readonly worker: INestApplicationContext;
  /** A signed bearer token for this person. */
  tokenFor(actor: Actor): Promise<string>;
  /** Enrols a new person with these roles in the team, through the api as an admin. */
  enrol(roles: Role[], teamId: string): Promise<Actor>;
  /** Resolves when every projection has applied every event in the log (needs `projector: true`). */
  projectionsCaughtUp(timeoutMs?: number): Promise<void>;
  /** A request through the real app (Fastify inject), JSON in and out. */
  request(options: TestRequest): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface TestRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  as?: Actor;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestResponse {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read answers of many shapes
  headers: Record<string, unknown>;
}

/** The real api on its own database and Redis prefix, in this process. */
export async function startTestApi(
  label: string,
  overrides: Record<string, string> = {},
  {
    projector = false,
    worker = false,
    database: given,
  }: { projector?: boolean; worker?: boolean; /** Kept when the api closes. */ database?: TestDatabase } = {},
): Promise<TestApi> {
  const database = given ?? (await createTestDatabase(label));
  const config = testConfig(database.url, overrides);
  const app = await createApiApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const tokens = app.get(TokenVerifier);
  // The projector in this process, on the same database and Redis prefix, as `npm start` runs it beside the api.
  let projectorApp: INestApplicationContext | undefined;
  if (projector) {
    projectorApp = await NestFactory.createApplicationContext(ProjectorModule.forRoot(config), { logger: false });
    await projectorApp.init();
  }
  // The worker in this process too: its reactors and BullMQ processors on the same config (queue Redis = the test Redis).
  let workerApp: INestApplicationContext | undefined;
  if (worker) {
    workerApp = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    await workerApp.init();
  }

  return {
    app,
    config,
    database,
    get worker() {
      if (!workerApp) throw new Error('Start the test api with { worker: true } to reach the worker');
      return workerApp;
    },
    tokenFor: (actor) => tokens.signDevToken(actor),
    async request({ method, url, as, body, headers = {} }) {
      const authorization = as ? { authorization: `Bearer ${await tokens.signDevToken(as)}` } : {};
      const response = await app.inject({
        method,
        url,
        headers: {
          ...authorization,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const isJson = /json/.test(String(response.headers['content-type']));
      return {
        status: response.statusCode,
        body: isJson && response.body ? response.json() : response.body,
        headers: response.headers,
      };
    },
    async enrol(roles, teamId) {
      const actor = person(roles, teamId);
      const response = await app.inject({
        method: 'POST',
        url: '/v1/people',
        headers: {
          authorization: `Bearer ${await tokens.signDevToken(person(['admin']))}`,
          'content-type': 'application/json',
        },
        payload: JSON.stringify({
          personId: actor.personId,
          displayName: `Person ${actor.personId.slice(0, 8)}`,
          teamId,
          roles,
          timezone: 'Europe/London',
        }),
      });
      if (response.statusCode !== 201) throw new Error(`Not enrolled: ${response.body}`);
      return actor;
    },
    async projectionsCaughtUp(timeoutMs = 15_000) {
      if (!projectorApp) throw new Error('Start the test api with { projector: true } to read projections');
      const redis = app.get(ReadModels).redis;
      // The head is read from the table itself: readAll holds back rows behind any older open transaction on the server.
      const db = new Client({ connectionString: database.url });
      await db.connect();
      try {
        const heads = await Promise.all(
          ALL_PROJECTIONS.map(async (projection) => {
            const { rows } = await db.query(
              `SELECT transaction_id::text AS xid, position FROM eventstore.events WHERE event_type = ANY($1)
                ORDER BY transaction_id DESC, position DESC LIMIT 1`,
              [projection.eventTypes],
            );
            return rows[0] ? encodeLogPosition('pg', BigInt(rows[0].xid), BigInt(rows[0].position)) : '';
          }),
        );
        for (const deadline = Date.now() + timeoutMs; ;) {
          const checkpoints = await Promise.all(
            ALL_PROJECTIONS.map(
              async (projection) =>
                (await redis.get((await activeKeyspace(redis, projection.name)).key('checkpoint'))) ?? '',
            ),
          );
          if (checkpoints.every((checkpoint, i) => checkpoint >= heads[i])) return;
          if (Date.now() > deadline)
            throw new Error(`Projections did not catch up: ${JSON.stringify({ checkpoints, heads })}`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      } finally {
        await db.end();
      }
    },
    async close() {
      await workerApp?.close();
      await projectorApp?.close();
      await app.close();
      await deleteRedisKeys(config.REDIS_KEY_PREFIX);
      if (!given) await database.drop();
    },
  };
}

export function person(roles: Role[], teamId?: string): Actor {
  return { personId: randomUUID(), roles, teamId };
}

/**
 * Moves the api's clock to the end of the month (of whole ISO weeks) that `moment` lies in:
 * dashboards show a month only once it has ended. Call the returned function to come back.
 */
export function atEndOfMonthOf(api: TestApi, moment: Date): () => void {
  const end = periodEnd(monthOfPeriod(isoWeek(moment)));
  const spy = jest.spyOn(api.app.get(Clock), 'now').mockReturnValue(end);
  return () => spy.mockRestore();
}
