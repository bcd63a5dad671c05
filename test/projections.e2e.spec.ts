import { type TestApi, person, startTestApi } from './support/test-api';

describe('projections over HTTP', () => {
  let api: TestApi;
  const admin = person(['admin']);

  beforeAll(async () => (api = await startTestApi('projections_e2e', {}, { projector: true })));
  afterAll(async () => api?.close());

  it('reports each projection live, at the head of the log, to admins only', async () => {
    await api.request({ method: 'POST', url: '/v1/teams', as: admin, body: { name: 'Status' } });
    await api.projectionsCaughtUp();

    const response = await api.request({ method: 'GET', url: '/v1/projections', as: admin });

    expect(response.status).toBe(200);
    expect(response.body.projections).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'directory',
          serving: expect.objectContaining({
            version: 'directory.v1',
            lagEvents: 0,
            lagMs: 0,
            checkpoint: expect.any(String),
          }),
        }),
      ]),
    );
    expect((await api.request({ method: 'GET', url: '/v1/projections', as: person(['hr']) })).status).toBe(403);
  });

  it('rebuilds a projection into its next version while the current one serves, then switches', async () => {
    const response = await api.request({ method: 'POST', url: '/v1/projections/directory/rebuild', as: admin });
    expect(response).toMatchObject({ status: 202, body: { rebuilding: 'directory.v2' } });

    for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
      const { body } = await api.request({ method: 'GET', url: '/v1/projections', as: admin });
      const directory = body.projections.find((p: { name: string }) => p.name === 'directory');
      if (directory.serving.version === 'directory.v2' && !directory.rebuilding) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const { body } = await api.request({ method: 'GET', url: '/v1/projections', as: admin });
    expect(body.projections.find((p: { name: string }) => p.name === 'directory').serving).toMatchObject({
      version: 'directory.v2',
      lagEvents: 0,
    });
    expect((await api.request({ method: 'POST', url: '/v1/projections/nothing/rebuild', as: admin })).status).toBe(404);
  });
});
