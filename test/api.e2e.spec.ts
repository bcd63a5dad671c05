import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@frontline/platform';
import { type TestDatabase, createTestDatabase, deleteRedisKeys, testConfig } from '@frontline/testing';
import { ApiModule } from '../apps/api/src/api.module';
import { configureApiApp, createApiAdapter } from '../apps/api/src/api.app';

describe('api operations endpoints', () => {
  let database: TestDatabase;
  let config: AppConfig;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    database = await createTestDatabase('api_ops');
    config = testConfig(database.url);
    const moduleRef = await Test.createTestingModule({ imports: [ApiModule] })
      .overrideProvider(AppConfig)
      .useValue(config)
      .compile();
    app = configureApiApp(
      moduleRef.createNestApplication<NestFastifyApplication>(createApiAdapter(), { bufferLogs: true }),
    );
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await deleteRedisKeys(config.REDIS_KEY_PREFIX);
    await database?.drop();
  });

  it('answers liveness', async () => {
    const response = await app.inject({ method: 'GET', url: '/health/live' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok' });
  });

  it('is ready when the event store and Redis answer', async () => {
    const response = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'ok',
      info: { eventStore: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('serves its OpenAPI document', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs-json' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ openapi: expect.stringMatching(/^3\./), info: { title: 'Frontline' } });
    expect(Object.keys(response.json().paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
  });

  it('counts requests by route in its Prometheus metrics', async () => {
    await app.inject({ method: 'GET', url: '/health/live' });
    await app.inject({ method: 'GET', url: '/no-such-route' });

    const response = await app.inject({ method: 'GET', url: '/metrics' });

    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toMatch(
      /frontline_http_request_duration_seconds_count\{method="GET",route="\/health\/live",status="200"\} [1-9]/,
    );
    expect(response.body).toMatch(/frontline_http_errors_total\{method="GET",route="unmatched",status="404"\} 1/);
    expect(response.body).toMatch(/frontline_events_appended_total/);
  });

  it('refuses a body over 64 KiB with 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/health/live',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ padding: 'x'.repeat(65 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
  });
});
