import { randomUUID } from 'node:crypto';
import { type TestApi, startTestApi } from './support/test-api';

/** Development only: the demo writes its history as it happened, with X-Frontline-As-Of. */
describe('X-Frontline-As-Of', () => {
  let api: TestApi;
  const teamId = randomUUID();
  const report = (occurredAt: string) => ({
    channel: 'phone',
    kinds: ['shouting'],
    severity: 'low',
    occurredAt,
    supportRequested: false,
    shareNarrativeWithLead: false,
  });

  beforeAll(async () => {
    api = await startTestApi('as_of_e2e');
    const admin = { personId: randomUUID(), roles: ['admin' as const] };
    const team = await api.request({ method: 'POST', url: '/v1/teams', as: admin, body: { teamId, name: 'Phones' } });
    if (team.status !== 201) throw new Error(`No team: ${JSON.stringify(team.body)}`);
  });
  afterAll(async () => api?.close());

  it('takes the moment a write says it happened as its time', async () => {
    const agent = await api.enrol(['agent'], teamId);
    const asOf = new Date(Date.now() - 3 * 86_400_000);
    const created = await api.request({
      method: 'POST',
      url: '/v1/incidents',
      as: agent,
      body: report(new Date(asOf.getTime() - 3_600_000).toISOString()),
      headers: { 'x-frontline-as-of': asOf.toISOString() },
    });
    expect(created.status).toBe(201);
    const incident = await api.request({ method: 'GET', url: `/v1/incidents/${created.body.incidentId}`, as: agent });
    expect(incident.body.reportedAt).toBe(asOf.toISOString());
  });

  it('refuses a moment in the future, too far back or malformed, and writes nothing', async () => {
    const agent = await api.enrol(['agent'], teamId);
    for (const asOf of [new Date(Date.now() + 60_000).toISOString(), '2020-01-01T00:00:00Z', 'yesterday']) {
      const refused = await api.request({
        method: 'POST',
        url: '/v1/incidents',
        as: agent,
        body: report(new Date(Date.now() - 60_000).toISOString()),
        headers: { 'x-frontline-as-of': asOf },
      });
      expect({ asOf, status: refused.status, type: refused.headers['content-type'] }).toEqual({
        asOf,
        status: 400,
        type: expect.stringMatching(/^application\/problem\+json/),
      });
    }
    expect((await api.request({ method: 'GET', url: '/v1/me/incidents', as: agent })).body.items).toEqual([]);
  });
});
