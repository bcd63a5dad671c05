import { Client } from 'pg';
import { WORKER_ID } from '@frontline/platform';
import { demoChecks, failedChecks } from '../demo/src/checks';
import { runDemo } from '../demo/src/demo';
import { FrontlineClient } from '../demo/src/frontline-client';
import { demoHistory } from '../demo/src/history';
import { demoOrganisation } from '../demo/src/organisation';
import { type TestApi, startTestApi } from './support/test-api';

describe('the demo organisation (npm run demo)', () => {
  let api: TestApi;
  let url: string;
  const organisation = demoOrganisation();
  const history = demoHistory(organisation, new Date());
  const checks = demoChecks(organisation, history.period);

  beforeAll(async () => {
    api = await startTestApi('demo', {}, { projector: true, worker: true });
    // Real HTTP, as `npm run demo` talks to `npm start`.
    await api.app.listen(0, '127.0.0.1');
    url = await api.app.getUrl();
  });
  afterAll(async () => api?.close());

  /** Events people wrote through the api; the worker appends its own (care offers, matches) in its own time. */
  async function eventsWrittenByPeople(): Promise<number> {
    const db = new Client({ connectionString: api.database.url });
    await db.connect();
    try {
      const { rows } = await db.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM eventstore.events WHERE metadata->>'actorId' <> $1`,
        [WORKER_ID],
      );
      return rows[0].count;
    } finally {
      await db.end();
    }
  }

  /** When the directory's membership changes took effect, as their events say, each with how many. */
  async function membershipMoments(): Promise<Record<string, number>> {
    const db = new Client({ connectionString: api.database.url });
    await db.connect();
    try {
      const { rows } = await db.query<{ at: string; count: number }>(
        `SELECT data->>'at' AS at, count(*)::int AS count FROM eventstore.events
          WHERE event_type IN ('PersonEnrolled', 'PersonMovedTeam') GROUP BY 1`,
      );
      return Object.fromEntries(rows.map(({ at, count }) => [at, count]));
    } finally {
      await db.end();
    }
  }

  it('is made through the api once, and every dashboard and feed then has something to show', async () => {
    const reader = new FrontlineClient(url);
    expect(await failedChecks(reader, checks)).toHaveLength(checks.length);

    const first = await runDemo(url);

    // Provisioned through SCIM: the organisation now has the ids Frontline gave its teams and people.
    expect(first.created).toBe(true);
    expect(first.organisation.admin.personId).not.toBe(organisation.admin.personId);
    expect(await failedChecks(reader, demoChecks(first.organisation, first.period))).toEqual([]);
    const { items: matches } = await reader.get<{ items: { incidentIds: string[]; distinctAgents: number }[] }>(
      '/v1/repeat-abusers',
      first.organisation.officer,
    );
    const reportedAboutTheCaller = first.history.incidents
      .filter(({ body }) => body.customerRef !== undefined)
      .map(({ body }) => body.incidentId);
    expect(reportedAboutTheCaller).toHaveLength(3);
    expect(matches).toHaveLength(1);
    expect(matches[0].distinctAgents).toBeGreaterThanOrEqual(2);
    expect(reportedAboutTheCaller).toEqual(expect.arrayContaining(matches[0].incidentIds));
    // Provisioned as of the first day of the history, so its past weeks count everyone where they were.
    expect(Object.keys(await membershipMoments())).toEqual([`${first.period.from}T00:00:00.000Z`]);

    const written = await eventsWrittenByPeople();
    expect(written).toBeGreaterThan(1_000);
    const second = await runDemo(url);

    expect(second.created).toBe(false);
    expect(second.campaignId).toBe(first.campaignId);
    expect(second.organisation.people.map(({ personId }) => personId)).toEqual(
      first.organisation.people.map(({ personId }) => personId),
    );
    expect(Object.values(second.tokens)).toHaveLength(5);
    expect(await eventsWrittenByPeople()).toBe(written);
  }, 90_000);
});
