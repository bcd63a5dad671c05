import { type AppConfig, type Clock, loadConfig } from '@frontline/platform';
import { type EventStore, InMemoryEventStore } from '@frontline/event-store';
import { ServiceUnavailableException } from '@nestjs/common';
import { IncidentAccessRecorder } from '../application/incident-access.recorder';
import { Paging, ReadModels, Releases } from '@frontline/read-models';
import { ProjectionTestbed, recorded } from '@frontline/testing';
import { abuseDashboardProjection } from '../projections/abuse-dashboard.projection';
import { incidentQueueProjection } from '../projections/incident-queue.projection';
import { AbuseDashboardHandler } from './abuse-dashboard.handler';
import { AbuseDashboardQuery, type AbuseDashboardRequest } from './abuse-dashboard.query';
import { IncidentQueueHandler } from './incident-queue.handler';
import { IncidentQueueQuery } from './incident-queue.query';

const officer = { personId: 'w1', roles: ['wellbeing_officer' as const] };
const reportedAt = (minute: number) => new Date(Date.UTC(2026, 10, 16, 9, minute)).toISOString();
function incident(incidentId: string, agentId: string, minute: number) {
  const facts = {
    teamId: 't1',
    channel: 'phone',
    kinds: ['insult'],
    severity: 'high',
    occurredAt: reportedAt(minute),
    reportedAt: reportedAt(minute),
  };
  return {
    reported: recorded('AbuseIncidentReported', {
      incidentId,
      agentId,
      ...facts,
      supportRequested: false,
      shareNarrativeWithLead: false,
    }),
    acknowledged: (afterMinutes: number) =>
      recorded('IncidentAcknowledged', {
        incidentId,
        by: 'w1',
        at: reportedAt(minute + afterMinutes),
        ...facts,
      }),
  };
}

describe('incident queue query', () => {
  let testbed: ProjectionTestbed;
  beforeEach(() => (testbed = new ProjectionTestbed(incidentQueueProjection)));
  afterEach(() => testbed.close());

  it('is overdue once the acknowledge SLA has passed without an acknowledgement', async () => {
    const [one, two] = [incident('i1', 'ana', 0), incident('i2', 'bo', 10)];
    await testbed.given(one.reported, two.reported, one.acknowledged(300));
    const handler = queueHandler(testbed, new InMemoryEventStore());

    const at = (iso: string) => handler.execute(new IncidentQueueQuery(officer, {}, { limit: 20 }, new Date(iso)));
    expect((await at('2026-11-16T13:05:00.000Z')).items).toMatchObject([
      { incidentId: 'i1', ackDueAt: '2026-11-16T13:00:00.000Z', status: 'acknowledged', overdue: false },
      { incidentId: 'i2', ackDueAt: '2026-11-16T13:10:00.000Z', status: 'open', overdue: false },
    ]);
    expect((await at('2026-11-16T13:10:01.000Z')).items[1]).toMatchObject({ incidentId: 'i2', overdue: true });
  });

  it("records a page in the reporters' access logs as one access, without the lead's own report", async () => {
    const lead = { personId: 'lead', roles: ['team_lead' as const], teamId: 't1' };
    await testbed.given(incident('i1', 'ana', 0).reported, incident('i2', 'lead', 1).reported);
    const store = new InMemoryEventStore();
    const now = new Date('2026-11-16T10:00:00.000Z');

    await queueHandler(testbed, store).execute(new IncidentQueueQuery(lead, {}, { limit: 20 }, now));

    const accesses = await store.readStream('incidentAccess-lead_2026-11-16');
    expect(accesses.map(({ type, data }) => ({ type, data }))).toEqual([
      {
        type: 'IncidentsAccessed',
        data: {
          readerId: 'lead',
          role: 'team_lead',
          via: 'queue',
          at: now.toISOString(),
          incidents: [{ incidentId: 'i1', narrative: false }],
        },
      },
    ]);
  });

  it('answers nothing when the access cannot be recorded', async () => {
    await testbed.given(incident('i1', 'ana', 0).reported);
    const down = new InMemoryEventStore();
    down.appendToStream = () => Promise.reject(new Error('connection refused'));
    const query = new IncidentQueueQuery(officer, {}, { limit: 20 }, new Date());

    await expect(queueHandler(testbed, down).execute(query)).rejects.toThrow(ServiceUnavailableException);
  });
});

function queueHandler(testbed: ProjectionTestbed, store: EventStore) {
  return new IncidentQueueHandler(
    new ReadModels(testbed.redis),
    new Paging(loadConfig({})),
    new IncidentAccessRecorder(store),
  );
}

/** The dashboard over the testbed's model; its log is empty, so the model has caught up with it. */
function dashboardQuery(testbed: ProjectionTestbed, minGroup: number, clock: Clock) {
  const config = { ...loadConfig({}), PRIVACY_MIN_GROUP: minGroup } as AppConfig;
  const readModels = new ReadModels(testbed.redis);
  const releases = new Releases(readModels, config, clock, new InMemoryEventStore(), new Paging(config));
  const handler = new AbuseDashboardHandler(readModels, releases);
  return { read: (request: AbuseDashboardRequest) => handler.execute(new AbuseDashboardQuery(request)) };
}

/** November 2026 (weeks 45 to 48) has ended. */
const afterNovember: Clock = { now: () => new Date('2026-12-01T00:00:00Z') };

describe('abuse dashboard query', () => {
  let testbed: ProjectionTestbed;
  beforeEach(() => (testbed = new ProjectionTestbed(abuseDashboardProjection)));
  afterEach(() => testbed.close());

  it('gives the median time to acknowledge in minutes, and hides a cell of too few reporters', async () => {
    const incidents = ['ana', 'bo', 'cy', 'di'].map((agent, i) => incident(`i${i}`, agent, i));
    await testbed.given(
      ...incidents.map(({ reported }) => reported),
      ...[30, 90, 10, 200].map((minutes, i) => incidents[i].acknowledged(minutes)),
    );
    const read = (minGroup: number) =>
      dashboardQuery(testbed, minGroup, afterNovember).read({
        from: '2026-11-16',
        to: '2026-11-16',
        interval: 'week',
        groupBy: 'team',
        limit: 20,
      });

    const open = await read(4);
    expect(open.periods[0].total).toMatchObject({
      incidents: { value: 4, suppressed: false },
      medianMinutesToAcknowledge: { value: 60, suppressed: false }, // between 30 and 90
      ratePer1000Contacts: { value: null, suppressed: false }, // no contacts recorded
    });
    const closed = await read(5);
    expect(closed.periods[0].total.incidents).toEqual({ value: null, suppressed: true, reason: 'too-few-people' });
    expect(closed.periods[0].groups).toEqual([
      expect.objectContaining({
        team: 't1',
        medianMinutesToAcknowledge: { value: null, suppressed: true, reason: 'too-few-people' },
      }),
    ]);
  });
});

describe('abuse dashboard query, across answers', () => {
  let testbed: ProjectionTestbed;
  beforeEach(() => (testbed = new ProjectionTestbed(abuseDashboardProjection)));
  afterEach(() => testbed.close());

  it('shows nothing of a week that has not ended', async () => {
    await testbed.given(...['a', 'b', 'c', 'd', 'e', 'f'].map((agent, i) => incident(`i${i}`, agent, i).reported));
    const query = dashboardQuery(testbed, 5, { now: () => new Date('2026-11-22T23:00:00Z') });
    const answer = await query.read({
      from: '2026-11-16',
      to: '2026-11-16',
      interval: 'week',
      groupBy: 'team',
      limit: 20,
    });
    expect(answer.periods[0].total.incidents).toEqual({ value: null, suppressed: true, reason: 'period-open' });
  });
});
