import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { type TestApi, person, startTestApi } from './support/test-api';

describe('the daily kudos allowance under concurrency (real PostgreSQL)', () => {
  let api: TestApi;
  const admin = person(['admin']);
  const teamId = randomUUID();
  const sender = person(['agent'], teamId);
  const recipient = person(['agent'], teamId);

  beforeAll(async () => {
    api = await startTestApi('recognition_allowance', { WRITE_RATE_LIMIT_PER_MINUTE: '100000' });
    const people = [sender, recipient].map((who) => ({
      personId: who.personId,
      displayName: 'Someone',
      teamId,
      roles: ['agent'],
      timezone: 'UTC',
    }));
    for (const [url, body] of [
      ['/v1/teams', { teamId, name: 'Phones' }] as const,
      ...people.map((p) => ['/v1/people', p] as const),
    ]) {
      const response = await api.request({ method: 'POST', url, as: admin, body });
      if (response.status !== 201)
        throw new Error(`${url} answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
  });

  afterAll(async () => api?.close());

  it('lets exactly 20 of 50 simultaneous sends through and refuses the other 30', async () => {
    expect(api.config.KUDOS_DAILY_ALLOWANCE).toBe(20);
    const body = { to: [recipient.personId], message: 'Thanks!', values: ['teamwork'], visibility: 'public' };

    const responses = await Promise.all(
      Array.from({ length: 50 }, () => api.request({ method: 'POST', url: '/v1/kudos', as: sender, body })),
    );

    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(20);
    const refused = responses.filter((response) => response.status !== 201);
    expect(refused).toHaveLength(30);
    for (const response of refused) {
      expect(response.body).toMatchObject({ status: 409, type: '/problems/kudos-allowance-spent' });
    }

    const db = new Client({ connectionString: api.database.url });
    await db.connect();
    try {
      const stream = `kudosAllowance-${sender.personId}_${new Date().toISOString().slice(0, 10)}`;
      const { rows } = await db.query<{ kudos_id: string }>(
        "SELECT data->>'kudosId' AS kudos_id FROM eventstore.events WHERE stream_name = $1",
        [stream],
      );
      expect(rows).toHaveLength(20);
      const sent = responses.filter((response) => response.status === 201).map((response) => response.body.kudosId);
      expect(rows.map((row) => row.kudos_id).sort()).toEqual([...sent].sort());
    } finally {
      await db.end();
    }
  });
});
