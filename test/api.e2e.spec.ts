import { type TestApi, startTestApi } from './support/test-api';

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
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
  });

  it('counts requests by route in its Prometheus metrics', async () => {
    await api.request({ method: 'GET', url: '/health/live' });
    await api.request({ method: 'GET', url: '/no-such-route' });

    const response = await api.request({ method: 'GET', url: '/metrics' });

    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toMatch(
      /frontline_http_request_duration_seconds_count\{method="GET",route="\/health\/live",status="200"\} [1-9]/,
    );
    expect(response.body).toMatch(/frontline_http_errors_total\{method="GET",route="unmatched",status="404"\} 1/);
    expect(response.body).toMatch(/frontline_events_appended_total/);
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
