import type { RecordedEvent } from '@frontline/event-store';
import { ProjectionTestbed, recorded } from '@frontline/testing';
import type { AbuseIncidentReported } from '../domain/incident.events';
import { incidentQueueProjection } from './incident-queue.projection';

describe('incident queue projection', () => {
  let testbed: ProjectionTestbed;
  beforeEach(() => (testbed = new ProjectionTestbed(incidentQueueProjection)));
  afterEach(() => testbed.close());

  const at = (minute: number) => new Date(Date.UTC(2026, 10, 16, 9, minute)).toISOString();
  const ms = (minute: number) => String(Date.UTC(2026, 10, 16, 9, minute));
  function reported(incidentId: string, agentId: string, teamId: string, minute: number) {
    return recorded('AbuseIncidentReported', {
      incidentId,
      agentId,
      teamId,
      channel: 'phone',
      kinds: ['shouting', 'insult'],
      severity: 'high',
      occurredAt: at(minute - 1),
      customerPseudonym: 'cust_secret',
      narrative: 'pd1.ana.secret',
      supportRequested: minute % 2 === 0,
      shareNarrativeWithLead: false,
      reportedAt: at(minute),
    });
  }
  /** What later events of the incident carry from its report. */
  function factsOf({ data }: RecordedEvent) {
    const { teamId, channel, kinds, severity, occurredAt, reportedAt } = data as AbuseIncidentReported['data'];
    return { teamId, channel, kinds, severity, occurredAt, reportedAt };
  }
  const one = reported('i1', 'ana', 't1', 1);
  const two = reported('i2', 'bo', 't1', 2);
  const three = reported('i3', 'cy', 't2', 3);
  const four = reported('i4', 'ana', 't1', 4);
  const five = reported('i5', 'cy', 't2', 5);
  const history = [
    one,
    two,
    three,
    four,
    five,
    recorded('IncidentAcknowledged', { incidentId: 'i2', by: 'lead', at: at(30), ...factsOf(two) }),
    recorded('IncidentEscalated', { incidentId: 'i3', reason: 'late', ...factsOf(three) }),
    recorded('IncidentClosed', { incidentId: 'i4', outcome: 'resolved', by: 'lead' }),
    recorded('IncidentAcknowledged', { incidentId: 'i5', by: 'officer', at: at(40), ...factsOf(five) }),
    recorded('IncidentWithdrawn', { incidentId: 'i5' }),
  ];
  const hash = (incidentId: string, teamId: string, minute: number, rest: Record<string, string>) => ({
    incidentId,
    teamId,
    channel: 'phone',
    kinds: 'shouting,insult',
    severity: 'high',
    occurredAt: at(minute - 1),
    reportedAt: at(minute),
    supportRequested: minute % 2 === 0 ? '1' : '0',
    ...rest,
  });

  it('queues open incidents per team and per status, and keeps every agent their own, without narratives or customers', async () => {
    expect(await testbed.given(...history)).toBe('applied');

    expect(await testbed.model()).toEqual({
      'incident:i1': hash('i1', 't1', 1, { status: 'open' }),
      'incident:i2': hash('i2', 't1', 2, { status: 'acknowledged', acknowledgedAt: at(30) }),
      'incident:i3': hash('i3', 't2', 3, { status: 'escalated' }),
      'incident:i4': hash('i4', 't1', 4, { status: 'closed' }),
      'incident:i5': hash('i5', 't2', 5, { status: 'withdrawn', acknowledgedAt: at(40) }),
      'agent:ana:incidents': ['i1', ms(1), 'i4', ms(4)],
      'agent:bo:incidents': ['i2', ms(2)],
      'agent:cy:incidents': ['i3', ms(3), 'i5', ms(5)],
      queue: ['i1', ms(1), 'i2', ms(2), 'i3', ms(3)],
      'queue:team:t1': ['i1', ms(1), 'i2', ms(2)],
      'queue:team:t2': ['i3', ms(3)],
      'queue:status:open': ['i1', ms(1)],
      'queue:status:acknowledged': ['i2', ms(2)],
      'queue:status:escalated': ['i3', ms(3)],
      'queue:team:t1:status:open': ['i1', ms(1)],
      'queue:team:t1:status:acknowledged': ['i2', ms(2)],
      'queue:team:t2:status:escalated': ['i3', ms(3)],
      // What closing or withdrawing the incidents still open will undo.
      'undo:queue:i1': expect.any(Array),
      'undo:queue:i2': expect.any(Array),
      'undo:queue:i3': expect.any(Array),
      'undo:status:i1': expect.any(Array),
      'undo:status:i2': expect.any(Array),
      'undo:status:i3': expect.any(Array),
    });
  });

  it('changes nothing when the same events are applied again', async () => {
    await testbed.given(...history);
    const once = await testbed.model();

    expect(await testbed.replay(undefined, history)).toBe('already_applied');
    expect(await testbed.replay(history[4].position, history.slice(5))).toBe('already_applied');
    expect(await testbed.model()).toEqual(once);
  });
});
