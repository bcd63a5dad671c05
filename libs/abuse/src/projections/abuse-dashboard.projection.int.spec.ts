import type { RecordedEvent } from '@frontline/event-store';
import { ProjectionTestbed, recorded } from '@frontline/testing';
import type { AbuseIncidentReported } from '../domain/incident.events';
import { abuseDashboardProjection } from './abuse-dashboard.projection';

describe('abuse dashboard projection', () => {
  let testbed: ProjectionTestbed;
  beforeEach(() => (testbed = new ProjectionTestbed(abuseDashboardProjection)));
  afterEach(() => testbed.close());

  function reported(incidentId: string, agentId: string, teamId: string, rest: Record<string, unknown>) {
    return recorded('AbuseIncidentReported', {
      incidentId,
      agentId,
      teamId,
      narrative: 'pd1.x.secret',
      supportRequested: true,
      shareNarrativeWithLead: false,
      ...rest,
    });
  }
  function factsOf({ data }: RecordedEvent) {
    const { teamId, channel, kinds, severity, occurredAt, reportedAt } = data as AbuseIncidentReported['data'];
    return { teamId, channel, kinds, severity, occurredAt, reportedAt };
  }
  const volume = (teamId: string, date: string, channel: string, contacts: number, previous?: number) =>
    previous === undefined
      ? recorded('ContactVolumeRecorded', { teamId, date, channel, contacts })
      : recorded('ContactVolumeCorrected', { teamId, date, channel, contacts, previous });

  // 2026-11-16 is the Monday of 2026-W47; 2026-12-01 is in 2026-W49 and another month.
  const one = reported('i1', 'ana', 't1', {
    channel: 'phone',
    kinds: ['shouting', 'insult'],
    severity: 'high',
    occurredAt: '2026-11-16T08:50:00.000Z',
    reportedAt: '2026-11-16T09:00:00.000Z',
  });
  const two = reported('i2', 'bo', 't1', {
    channel: 'chat',
    kinds: ['insult'],
    severity: 'low',
    occurredAt: '2026-11-17T10:00:00.000Z',
    reportedAt: '2026-11-17T10:00:00.000Z',
  });
  const three = reported('i3', 'ana', 't1', {
    channel: 'phone',
    kinds: ['shouting'],
    severity: 'high',
    occurredAt: '2026-11-22T23:50:00.000Z',
    reportedAt: '2026-11-22T23:59:00.000Z',
  });
  const four = reported('i4', 'cy', 't2', {
    channel: 'phone',
    kinds: ['threat_of_violence'],
    severity: 'critical',
    occurredAt: '2026-12-01T12:00:00.000Z',
    reportedAt: '2026-12-01T12:00:00.000Z',
  });
  const history = [
    volume('t1', '2026-11-16', 'phone', 1000),
    volume('t1', '2026-11-17', 'chat', 300),
    volume('t2', '2026-11-18', 'phone', 500),
    one,
    two,
    three,
    four,
    recorded('IncidentAcknowledged', { incidentId: 'i1', by: 'lead', at: '2026-11-16T09:30:00.000Z', ...factsOf(one) }),
    recorded('IncidentAcknowledged', { incidentId: 'i2', by: 'lead', at: '2026-11-17T11:30:00.000Z', ...factsOf(two) }),
    recorded('SupportOffered', { incidentId: 'i1', kind: 'debrief', by: 'lead', ...factsOf(one) }),
    recorded('SupportOffered', { incidentId: 'i1', kind: 'counselling', by: 'lead', ...factsOf(one) }),
    recorded('SupportAccepted', { incidentId: 'i1', kind: 'debrief', ...factsOf(one) }),
    volume('t1', '2026-11-16', 'phone', 1200, 1000),
  ];

  it('counts incidents, distinct reporters, acknowledge times, support and contacts per period and group', async () => {
    expect(await testbed.given(...history)).toBe('applied');
    const model = await testbed.model();

    expect(model).toMatchObject({
      'week:2026-W47:org': { incidents: '3', offered: '2', accepted: '1', contacts: '2000' },
      'week:2026-W47:org:reporters': ['ana', 'bo'],
      'week:2026-W47:org:ack': ['i1', String(30 * 60_000), 'i2', String(90 * 60_000)],
      'week:2026-W47:team:t1': { incidents: '3', offered: '2', accepted: '1', contacts: '1500' },
      'week:2026-W47:team:t1:reporters': ['ana', 'bo'],
      'week:2026-W47:team:t2': { contacts: '500' },
      'week:2026-W47:channel:phone': { incidents: '2', offered: '2', accepted: '1', contacts: '1700' },
      'week:2026-W47:channel:phone:reporters': ['ana'],
      'week:2026-W47:channel:phone:ack': ['i1', String(30 * 60_000)],
      'week:2026-W47:channel:chat': { incidents: '1', contacts: '300' },
      'week:2026-W47:kind:insult': { incidents: '2', offered: '2', accepted: '1' },
      'week:2026-W47:kind:insult:reporters': ['ana', 'bo'],
      'week:2026-W47:kind:shouting': { incidents: '2' },
      'week:2026-W47:severity:high': { incidents: '2' },
      'week:2026-W47:severity:low': { incidents: '1' },
      // t2 had contacts but no incident that week: it is not a group of that week.
      'week:2026-W47:groups:team': ['t1'],
      'week:2026-W47:groups:channel': ['chat', 'phone'],
      'week:2026-W47:groups:kind': ['insult', 'shouting'],
      'week:2026-W47:groups:severity': ['high', 'low'],
      // Without a recorded site (events from before sites), a team is its own site.
      'week:2026-W47:site:t1': { incidents: '3', offered: '2', accepted: '1', contacts: '1500' },
      'week:2026-W47:groups:site': ['t1'],
      'week:2026-W47:site-teams:t1': ['t1'],
      'week:2026-W49:team:t2': { incidents: '1' },
      'week:2026-W49:team:t2:reporters': ['cy'],
      'month:2026-11:org': { incidents: '3', contacts: '2000' },
      'month:2026-11:org:reporters': ['ana', 'bo'],
      'month:2026-12:org': { incidents: '1' },
      'month:2026-12:groups:team': ['t2'],
    });
    // Nobody's words reach the dashboard: only agent ids, in the sets that make "distinct" exact.
    expect(JSON.stringify(model)).not.toContain('secret');
  });

  it('counts a report made after its week had ended in the week it was made, so an ended week never changes', async () => {
    const late = reported('i5', 'di', 't1', {
      channel: 'chat',
      kinds: ['insult'],
      severity: 'low',
      occurredAt: '2026-11-22T23:50:00.000Z',
      reportedAt: '2026-11-23T00:10:00.000Z',
    });
    await testbed.given(late);
    const model = await testbed.model();
    expect(model['week:2026-W48:team:t1']).toEqual({ incidents: '1' });
    expect(model['week:2026-W47:team:t1']).toBeUndefined();
  });

  it('replaces a corrected contact volume rather than adding it', async () => {
    await testbed.given(volume('t1', '2026-11-16', 'phone', 1000), volume('t1', '2026-11-18', 'phone', 50));
    await testbed.given(volume('t1', '2026-11-16', 'phone', 400, 1000));

    expect(await testbed.model()).toEqual({
      'week:2026-W47:site:t1': { contacts: '450' },
      'month:2026-11:site:t1': { contacts: '450' },
      'week:2026-W47:team:t1': { contacts: '450' },
      'week:2026-W47:channel:phone': { contacts: '450' },
      'week:2026-W47:org': { contacts: '450' },
      'month:2026-11:team:t1': { contacts: '450' },
      'month:2026-11:channel:phone': { contacts: '450' },
      'month:2026-11:org': { contacts: '450' },
    });
  });

  it('changes nothing when the same events are applied again', async () => {
    await testbed.given(...history);
    const once = await testbed.model();

    expect(await testbed.replay(undefined, history)).toBe('already_applied');
    expect(await testbed.replay(history[5].position, history.slice(6))).toBe('already_applied');
    expect(await testbed.model()).toEqual(once);
  });
});
