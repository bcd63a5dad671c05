import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { RequestMethod } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { IdempotencyInterceptor } from '@frontline/platform';
import { type TestApi, person, startTestApi } from './support/test-api';

describe('api operations endpoints', () => {
  let api: TestApi;

  beforeAll(async () => (api = await startTestApi('api_ops')));
  afterAll(async () => api?.close());

  it('answers liveness without a token', async () => {
    const response = await api.request({ method: 'GET', url: '/health/live' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok' });
  });

  it('is ready when the event store and Redis answer', async () => {
    const response = await api.request({ method: 'GET', url: '/health/ready' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      info: { eventStore: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('serves its OpenAPI document', async () => {
    const response = await api.request({ method: 'GET', url: '/docs-json' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ openapi: expect.stringMatching(/^3\./), info: { title: 'Frontline' } });
    // The orchestrator's probes stay out of it, as /metrics does: they answer 200 or 503, never a client's 4xx.
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/v1/incidents', '/v1/dev/tokens']));
    expect(Object.keys(response.body.paths)).not.toContain('/health/live');
  });

  it("serves a document that passes Redocly's recommended rules with no error and no warning", async () => {
    const document = join(mkdtempSync(join(tmpdir(), 'frontline-openapi-')), 'openapi.json');
    writeFileSync(document, JSON.stringify((await api.request({ method: 'GET', url: '/docs-json' })).body));
    const lint = spawnSync('node_modules/.bin/redocly', ['lint', '--format=stylish', document], {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    rmSync(dirname(document), { recursive: true });
    expect({ status: lint.status, output: `${lint.stdout}${lint.stderr}`.trim() }).toMatchObject({ status: 0 });
  });

  it('describes every endpoint, its body and its problem answers', async () => {
    const { paths, components } = (await api.request({ method: 'GET', url: '/docs-json' })).body;
    const operations = [
      'post /v1/dev/tokens',
      'post /v1/teams',
      'post /v1/people',
      'post /v1/people/{id}/move',
      'post /v1/people/{id}/offboard',
      'post /v1/people/{id}/erase',
      'post /v1/incidents',
      'get /v1/incidents/{id}',
      'post /v1/incidents/{id}/acknowledge',
      'post /v1/incidents/{id}/support-offers',
      'post /v1/incidents/{id}/support-offers/{kind}/accept',
      'post /v1/incidents/{id}/support-offers/{kind}/decline',
      'post /v1/incidents/{id}/recovery-break',
      'post /v1/incidents/{id}/customer-actions',
      'post /v1/incidents/{id}/close',
      'post /v1/incidents/{id}/withdraw',
      'put /v1/contact-volumes',
      'post /v1/kudos',
      'post /v1/kudos/{id}/reactions',
      'delete /v1/kudos/{id}/reactions/{emoji}',
      'post /v1/kudos/{id}/retract',
      'post /v1/kudos/{id}/hide',
      'post /v1/praise',
      'post /v1/wellbeing/activities',
      'post /v1/wellbeing/pulse',
    ];
    // What each operation must document: a success, and the problems it can answer with.
    const gaps = operations.flatMap((name) => {
      const [method, path] = name.split(' ');
      const responses = paths[path]?.[method]?.responses;
      if (!responses) return [`${name}: not documented`];
      const needed =
        path === '/v1/dev/tokens' ? ['400'] : method === 'get' ? ['401', '403', '404'] : ['401', '403', '409', '429'];
      return [
        ...(Object.keys(responses).some((status) => status.startsWith('2')) ? [] : [`${name}: no success`]),
        ...needed
          .filter(
            (status) =>
              responses[status]?.content?.['application/problem+json']?.schema?.$ref !== '#/components/schemas/Problem',
          )
          .map((status) => `${name}: no problem ${status}`),
      ];
    });
    expect(gaps).toEqual([]);
    const withBodies = operations.filter((name) => paths[name.split(' ')[1]][name.split(' ')[0]].requestBody);
    expect(withBodies).toEqual(
      expect.arrayContaining(['post /v1/people', 'post /v1/incidents', 'put /v1/contact-volumes', 'post /v1/kudos']),
    );
    expect(components.schemas.Problem.required).toEqual(['type', 'title', 'status']);
  });

  it('counts requests by route in its Prometheus metrics', async () => {
    await api.request({ method: 'GET', url: '/health/live' });
    await api.request({ method: 'GET', url: '/v1/no-such-route' });

    const response = await api.request({ method: 'GET', url: '/metrics' });

    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toMatch(
      /frontline_http_request_duration_seconds_count\{method="GET",route="\/health\/live",status="200"\} [1-9]/,
    );
    expect(response.body).toMatch(/frontline_http_errors_total\{method="GET",route="unmatched",status="404"\} 1/);
    expect(response.body).toMatch(/frontline_events_appended_total/);
  });

  it('remembers the answer of every POST by its Idempotency-Key', () => {
    // The interceptor is bound per controller (an interceptor on every route slows every route).
    const isPost = (handler: unknown) =>
      typeof handler === 'function' && Reflect.getMetadata(METHOD_METADATA, handler) === RequestMethod.POST;
    const bound = (target: object) => (Reflect.getMetadata(INTERCEPTORS_METADATA, target) ?? []) as unknown[];
    const controllers = [...api.app.get(ModulesContainer).values()].flatMap((module) =>
      [...module.controllers.values()].map((wrapper) => wrapper.metatype as { prototype: object } & object),
    );
    const posts = controllers.flatMap((controller) =>
      Object.getOwnPropertyNames(controller.prototype)
        .map((name) => [controller, (controller.prototype as Record<string, unknown>)[name]] as const)
        .filter(([, handler]) => isPost(handler)),
    );

    expect(posts.length).toBeGreaterThan(20);
    const unbound = posts.filter(
      ([controller, handler]) => ![...bound(controller), ...bound(handler as object)].includes(IdempotencyInterceptor),
    );
    expect(
      unbound.map(([controller, handler]) => `${controller.constructor.name}.${(handler as Function).name}`),
    ).toEqual([]);
  });

  it('answers an unknown route with problem+json', async () => {
    const response = await api.request({ method: 'GET', url: '/v1/nothing-here' });
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type: '/problems/not-found', status: 404, instance: '/v1/nothing-here' });
  });

  it('refuses a body over 64 KiB with 413 problem+json', async () => {
    const response = await api.request({
      method: 'POST',
      url: '/v1/dev/tokens',
      body: { padding: 'x'.repeat(65 * 1024) },
    });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ type: '/problems/body-too-large', status: 413 });
  });
});

describe('write rate limit', () => {
  let api: TestApi;

  beforeAll(async () => (api = await startTestApi('rate_limit', { WRITE_RATE_LIMIT_PER_MINUTE: '3' })));
  afterAll(async () => api?.close());

  it('answers a flood of writes with 429 problem+json, per person, and leaves reads alone', async () => {
    const admin = person(['admin']);
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (await api.request({ method: 'POST', url: '/v1/teams', as: admin, body: { name: `Team ${i}` } })).status,
      );
    }
    const flooded = await api.request({ method: 'POST', url: '/v1/teams', as: admin, body: { name: 'One more' } });
    const someoneElse = await api.request({
      method: 'POST',
      url: '/v1/teams',
      as: person(['admin']),
      body: { name: 'Theirs' },
    });

    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    expect(flooded.body).toMatchObject({ status: 429, type: '/problems/too-many-requests' });
    expect(someoneElse.status).toBe(201);
    expect((await api.request({ method: 'GET', url: '/health/ready' })).status).toBe(200);
  });
});

describe('queue board', () => {
  let api: TestApi;

  beforeAll(async () => (api = await startTestApi('queue_board')));
  afterAll(async () => api?.close());

  it('shows Bull Board to admins only', async () => {
    const anonymous = await api.request({ method: 'GET', url: '/queues' });
    const anonymousApi = await api.request({ method: 'GET', url: '/queues/api/queues' });
    const agent = await api.request({ method: 'GET', url: '/queues', as: person(['agent']) });
    const admin = await api.request({ method: 'GET', url: '/queues', as: person(['admin']) });
    const queues = await api.request({ method: 'GET', url: '/queues/api/queues', as: person(['admin']) });

    expect(anonymous.body).toMatchObject({ status: 401, type: '/problems/unauthenticated' });
    expect(anonymousApi.body).toMatchObject({ status: 401, type: '/problems/unauthenticated' });
    expect(agent.body).toMatchObject({ status: 403, type: '/problems/forbidden' });
    expect(admin.status).toBe(200);
    expect(admin.headers['content-type']).toMatch(/text\/html/);
    expect(queues.body.queues.map((queue: { name: string }) => queue.name).sort()).toEqual([
      'campaigns',
      'care',
      'matching',
      'webhooks',
    ]);
  });
});
