import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Actor, type AppConfig, type Role, TokenVerifier } from '@frontline/platform';
import { type TestDatabase, createTestDatabase, deleteRedisKeys, testConfig } from '@frontline/testing';
import { createApiApp } from '../../apps/api/src/api.app';

export interface TestApi {
  app: NestFastifyApplication;
  config: AppConfig;
  database: TestDatabase;
  /** A signed bearer token for this person. */
  tokenFor(actor: Actor): Promise<string>;
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
export async function startTestApi(label: string, overrides: Record<string, string> = {}): Promise<TestApi> {
  const database = await createTestDatabase(label);
  const config = testConfig(database.url, overrides);
  const app = await createApiApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const tokens = app.get(TokenVerifier);

  return {
    app,
    config,
    database,
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
    async close() {
      await app.close();
      await deleteRedisKeys(config.REDIS_KEY_PREFIX);
      await database.drop();
    },
  };
}

export function person(roles: Role[], teamId?: string): Actor {
  return { personId: randomUUID(), roles, teamId };
}
