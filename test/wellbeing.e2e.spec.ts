import { Client } from 'pg';
import type { Actor } from '@frontline/platform';
import { deleteRedisKeys } from '@frontline/testing';
import { isoWeek } from '@frontline/decider';
import { wellbeingStream } from '@frontline/wellbeing';
import { type TestApi, person, startTestApi } from './support/test-api';

const DAY_MS = 24 * 60 * 60 * 1000;
// Dates are judged in UTC (DESIGN: "not in the future" against today's UTC date).
const utcDate = (daysFromToday: number) => new Date(Date.now() + daysFromToday * DAY_MS).toISOString().slice(0, 10);

describe('wellbeing over HTTP', () => {
  let api: TestApi;
  const admin = person(['admin']);

  beforeAll(async () => (api = await startTestApi('wellbeing_e2e')));
  afterAll(async () => api?.close());

  /** A team and a person in it, made through the directory's own endpoints. */
  async function enrolledPerson(roles: Actor['roles'] = ['agent']): Promise<Actor> {
    const team = await api.request({ method: 'POST', url: '/v1/teams', as: admin, body: { name: 'Leeds voice' } });
    expect(team.status).toBe(201);
    const enrolled = await api.request({
      method: 'POST',
      url: '/v1/people',
      as: admin,
      body: { displayName: 'Priya Shah', teamId: team.body.teamId, roles, timezone: 'Europe/London' },
    });
    expect(enrolled.status).toBe(201);
    return { personId: enrolled.body.personId, roles, teamId: team.body.teamId };
  }

  const logActivity = (as: Actor, body: object, headers?: Record<string, string>) =>
    api.request({ method: 'POST', url: '/v1/wellbeing/activities', as, body, headers });
  const submitPulse = (as: Actor, body: object) =>
    api.request({ method: 'POST', url: '/v1/wellbeing/pulse', as, body });
  const yoga = (overrides: object = {}) => ({ kind: 'yoga', minutes: 30, occurredOn: utcDate(-1), ...overrides });

  async function countEvents(stream: string): Promise<number> {
    const db = new Client({ connectionString: api.database.url });
    await db.connect();
    try {
      const { rows } = await db.query('SELECT count(*)::int AS n FROM eventstore.events WHERE stream_name = $1', [
        stream,
      ]);
      return rows[0].n as number;
    } finally {
      await db.end();
    }
  }

  it('logs activities for the caller, whatever their role', async () => {
    const agent = await enrolledPerson(['agent']);
    const lead = await enrolledPerson(['team_lead']);

    const first = await logActivity(agent, yoga({ occurredOn: utcDate(0) }));
    expect(first).toMatchObject({ status: 201, body: { activityId: expect.any(String) } });
    const second = await logActivity(agent, {
      kind: 'volunteering',
      minutes: 480,
      occurredOn: utcDate(-90),
      campaignId: '3f1c2b9e-7a40-4d1e-9a57-0c8f7d2e6b11',
    });
    expect(second.status).toBe(201);
    expect(second.body.activityId).not.toBe(first.body.activityId);
    expect((await logActivity(lead, yoga({ kind: 'walk', minutes: 1 }))).status).toBe(201);

    expect(await countEvents(wellbeingStream(agent.personId))).toBe(2);
    expect(await countEvents(wellbeingStream(lead.personId))).toBe(1);
  });

  it('takes one pulse per ISO week and answers with the week only', async () => {
    const agent = await enrolledPerson();

    const pulse = await submitPulse(agent, { mood: 4, energy: 2, workload: 5 });
    expect(pulse.status).toBe(201);
    // The answers are the person's own: nothing but the week comes back.
    expect(pulse.body).toEqual({ isoWeek: isoWeek(new Date()) });

    const again = await submitPulse(agent, { mood: 1, energy: 1, workload: 1 });
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.body).toMatchObject({ status: 409, type: '/problems/pulse-already-submitted' });
    expect(await countEvents(wellbeingStream(agent.personId))).toBe(1);
  });

  it('files activities and pulses under the team and site of the person', async () => {
    const site = await api.request({ method: 'POST', url: '/v1/teams', as: admin, body: { name: 'Leeds' } });
    const team = await api.request({
      method: 'POST',
      url: '/v1/teams',
      as: admin,
      body: { name: 'Leeds chat', parentTeamId: site.body.teamId },
    });
    const { teamId } = team.body;
    const enrolled = await api.request({
      method: 'POST',
      url: '/v1/people',
      as: admin,
      body: { displayName: 'Sam Lee', teamId, roles: ['agent'], timezone: 'Europe/London' },
    });
    const agent: Actor = { personId: enrolled.body.personId, roles: ['agent'], teamId };
    expect((await logActivity(agent, yoga())).status).toBe(201);
    expect((await submitPulse(agent, { mood: 4, energy: 2, workload: 5 })).status).toBe(201);

    const db = new Client({ connectionString: api.database.url });
    await db.connect();
    try {
      const { rows } = await db.query(
        'SELECT data FROM eventstore.events WHERE stream_name = $1 ORDER BY stream_revision',
        [wellbeingStream(agent.personId)],
      );
      const siteId = site.body.teamId;
      expect(rows.map(({ data }) => data)).toEqual([
        expect.objectContaining({ teamId, siteId }),
        expect.objectContaining({ teamId, siteId }),
      ]);
    } finally {
      await db.end();
    }
  });

  it.each([
    ['tomorrow (UTC)', { occurredOn: utcDate(1) }, '/problems/activity-date-in-future'],
    ['91 days back', { occurredOn: utcDate(-91) }, '/problems/activity-date-too-old'],
  ])('refuses an activity dated %s', async (_, overrides, type) => {
    const agent = await enrolledPerson();
    const response = await logActivity(agent, yoga(overrides));
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, type });
    expect(await countEvents(wellbeingStream(agent.personId))).toBe(0);
  });

  it.each([
    ['minutes', { minutes: 0 }],
    ['minutes', { minutes: 481 }],
    ['minutes', { minutes: 12.5 }],
    ['kind', { kind: 'napping' }],
    ['occurredOn', { occurredOn: '2026-02-30' }],
    ['occurredOn', { occurredOn: '19/11/2026' }],
    ['campaignId', { campaignId: 'csw-2026' }],
  ])('names the bad field %s of an activity (%p)', async (field, overrides) => {
    const agent = await enrolledPerson();
    const response = await logActivity(agent, yoga(overrides));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ status: 400, type: '/problems/invalid-request' });
    expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
    expect(await countEvents(wellbeingStream(agent.personId))).toBe(0);
  });

  it.each([
    ['mood', 0],
    ['energy', 6],
    ['workload', 2.5],
    ['mood', '3'],
  ])('names the bad pulse score %s = %p', async (field, value) => {
    const agent = await enrolledPerson();
    const response = await submitPulse(agent, { mood: 3, energy: 3, workload: 3, [field]: value });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ status: 400, type: '/problems/invalid-request' });
    expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
    expect(await countEvents(wellbeingStream(agent.personId))).toBe(0);
  });

  it('has no way to log or answer for someone else: an extra field is refused', async () => {
    const agent = await enrolledPerson();
    const colleague = await enrolledPerson();

    const activity = await logActivity(agent, yoga({ personId: colleague.personId }));
    expect(activity.status).toBe(400);
    expect(activity.body).toMatchObject({ type: '/problems/invalid-request' });
    expect(activity.body.errors).toEqual([expect.objectContaining({ field: 'personId' })]);

    const pulse = await submitPulse(agent, { mood: 3, energy: 3, workload: 3, personId: colleague.personId });
    expect(pulse.status).toBe(400);
    expect(pulse.body.errors).toEqual([expect.objectContaining({ field: 'personId' })]);

    expect(await countEvents(wellbeingStream(colleague.personId))).toBe(0);
    expect(await countEvents(wellbeingStream(agent.personId))).toBe(0);
  });

  // 403, not 404: the route names nobody; the caller is signed in but the directory does not count them in.
  it('refuses someone not enrolled, or offboarded, with 403 not-enrolled', async () => {
    const stranger = person(['agent']);
    const leaver = await enrolledPerson();
    const offboarded = await api.request({ method: 'POST', url: `/v1/people/${leaver.personId}/offboard`, as: admin });
    expect(offboarded.status).toBe(200);

    for (const actor of [stranger, leaver]) {
      const activity = await logActivity(actor, yoga());
      expect(activity.status).toBe(403);
      expect(activity.body).toMatchObject({ status: 403, type: '/problems/not-enrolled' });
      const pulse = await submitPulse(actor, { mood: 3, energy: 3, workload: 3 });
      expect(pulse.body).toMatchObject({ status: 403, type: '/problems/not-enrolled' });
      expect(await countEvents(wellbeingStream(actor.personId))).toBe(0);
    }
  });

  it('answers a retry with the same Idempotency-Key with the same activity, appended once', async () => {
    const agent = await enrolledPerson();
    const headers = { 'idempotency-key': 'wellbeing-retry-1' };

    const first = await logActivity(agent, yoga(), headers);
    const retry = await logActivity(agent, yoga(), headers);

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual({ activityId: first.body.activityId });
    expect(await countEvents(wellbeingStream(agent.personId))).toBe(1);
  });

  it('recognises the retry from the event store when the remembered answer is lost', async () => {
    const agent = await enrolledPerson();
    const headers = { 'idempotency-key': 'wellbeing-retry-2' };

    const first = await logActivity(agent, yoga(), headers);
    await deleteRedisKeys(api.config.REDIS_KEY_PREFIX);
    const retry = await logActivity(agent, yoga(), headers);

    expect(retry).toMatchObject({ status: 201, body: { activityId: first.body.activityId } });
    expect(await countEvents(wellbeingStream(agent.personId))).toBe(1);
  });

  it('needs a token', async () => {
    const response = await api.request({ method: 'POST', url: '/v1/wellbeing/pulse', body: { mood: 3 } });
    expect(response).toMatchObject({ status: 401, body: { type: '/problems/unauthenticated' } });
  });
});
