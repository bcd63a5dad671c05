import fc from 'fast-check';
import { DomainError, ForbiddenError } from '@frontline/decider';
import { deciderSpecification } from '@frontline/testing';
import { CUSTOMER_ACTIONS, INCIDENT_OUTCOMES, SUPPORT_KINDS } from './abuse.vocabulary';
import {
  IncidentAlreadyAcknowledgedError,
  IncidentAlreadyReportedError,
  IncidentClosedError,
  type IncidentLifecycleCommand,
  OccurredAtOutOfRangeError,
  RecoveryBreakLengthError,
  type ReportIncident,
  ReportForSomeoneElseError,
  SupportNotOfferedError,
  incidentDecider,
} from './incident.decider';
import type { AbuseIncidentReported, IncidentEvent } from './incident.events';
import { type IncidentActor, IncidentNotFoundError } from './incident.policy';

const { given } = deciderSpecification(incidentDecider);
const now = new Date('2025-10-06T10:00:00.000Z');
const incidentId = 'i1';
const agent: IncidentActor = { personId: 'a1', roles: ['agent'], teamId: 't1' };
const lead: IncidentActor = { personId: 'l1', roles: ['team_lead'], teamId: 't1' };
const otherLead: IncidentActor = { personId: 'l2', roles: ['team_lead'], teamId: 't2' };
const officer: IncidentActor = { personId: 'w1', roles: ['wellbeing_officer'] };
const colleague: IncidentActor = { personId: 'a2', roles: ['agent'], teamId: 't1' };

const report: ReportIncident = {
  type: 'ReportIncident',
  incidentId,
  reportedBy: 'a1',
  agentId: 'a1',
  teamId: 't1',
  siteId: 's1',
  channel: 'phone',
  kinds: ['shouting', 'threat_to_job'],
  severity: 'high',
  occurredAt: '2025-10-06T09:30:00.000Z',
  customerPseudonym: 'cust_abc',
  narrative: 'pd1.a1.cipher',
  supportRequested: true,
  shareNarrativeWithLead: false,
  now,
};
const reported: AbuseIncidentReported = {
  type: 'AbuseIncidentReported',
  data: {
    incidentId,
    agentId: 'a1',
    teamId: 't1',
    siteId: 's1',
    channel: 'phone',
    kinds: ['shouting', 'threat_to_job'],
    severity: 'high',
    occurredAt: '2025-10-06T09:30:00.000Z',
    customerPseudonym: 'cust_abc',
    narrative: 'pd1.a1.cipher',
    supportRequested: true,
    shareNarrativeWithLead: false,
    reportedAt: now.toISOString(),
  },
};
// Copied from the report into later events, so read models can file them without reading.
const { agentId, teamId, siteId, channel, kinds, severity, occurredAt, reportedAt } = reported.data;
const facts = { agentId, teamId, siteId, channel, kinds, severity, occurredAt, reportedAt };
const acknowledged: IncidentEvent = {
  type: 'IncidentAcknowledged',
  data: { incidentId, by: 'l1', at: now.toISOString(), ...facts },
};
const debriefOffered: IncidentEvent = {
  type: 'SupportOffered',
  data: { incidentId, kind: 'debrief', by: 'l1', ...facts },
};
const closed: IncidentEvent = {
  type: 'IncidentClosed',
  data: { incidentId, outcome: 'resolved', by: 'l1', agentId: 'a1' },
};
const withdrawn: IncidentEvent = { type: 'IncidentWithdrawn', data: { incidentId } };

const as = (by: IncidentActor) => ({ incidentId, by, now });
const daysBefore = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

describe('incident decider: reporting', () => {
  it('records the report of the agent it happened to, in the site of their team', () =>
    given([]).when(report).then([reported]));

  it('lets nobody report an incident for someone else', () =>
    given([])
      .when({ ...report, reportedBy: 'l1' })
      .thenThrows(ReportForSomeoneElseError));

  it('reports an incident once', () => given([reported]).when(report).thenThrows(IncidentAlreadyReportedError));

  it('accepts an incident up to 90 days back, but not one in the future or older', () => {
    given([])
      .when({ ...report, occurredAt: daysBefore(90) })
      .then([{ ...reported, data: { ...reported.data, occurredAt: daysBefore(90) } }]);
    given([])
      .when({ ...report, occurredAt: daysBefore(90.01) })
      .thenThrows(OccurredAtOutOfRangeError);
    given([])
      .when({ ...report, occurredAt: new Date(now.getTime() + 60_000).toISOString() })
      .thenThrows(OccurredAtOutOfRangeError);
    given([])
      .when({ ...report, occurredAt: 'yesterday' })
      .thenThrows(OccurredAtOutOfRangeError);
  });

  it('stores no customer or narrative fields that were not given', () => {
    const { customerPseudonym: _c, narrative: _n, ...bare } = report;
    const { customerPseudonym: _dc, narrative: _dn, ...bareData } = reported.data;
    given([])
      .when(bare)
      .then([{ type: 'AbuseIncidentReported', data: bareData }]);
  });
});

describe('incident decider: care and lifecycle', () => {
  it("is acknowledged by the agent's own team lead or a wellbeing officer", () => {
    given([reported])
      .when({ type: 'AcknowledgeIncident', ...as(lead) })
      .then([acknowledged]);
    given([reported])
      .when({ type: 'AcknowledgeIncident', ...as(officer) })
      .then([{ type: 'IncidentAcknowledged', data: { incidentId, by: 'w1', at: now.toISOString(), ...facts } }]);
  });

  it('files its later events under the site of its report, and under none if the report predates sites', () => {
    const { siteId: _s, ...before } = reported.data;
    const { siteId: _f, ...factsBefore } = facts;
    given([{ type: 'AbuseIncidentReported', data: before }])
      .when({ type: 'AcknowledgeIncident', ...as(lead) })
      .then([{ type: 'IncidentAcknowledged', data: { incidentId, by: 'l1', at: now.toISOString(), ...factsBefore } }]);
  });

  it('is acknowledged once', () =>
    given([reported, acknowledged])
      .when({ type: 'AcknowledgeIncident', ...as(officer) })
      .thenThrows(IncidentAlreadyAcknowledgedError));

  it('is unknown to a lead of another team and to colleagues, and forbidden to the reporter to acknowledge', () => {
    given([reported])
      .when({ type: 'AcknowledgeIncident', ...as(otherLead) })
      .thenThrows(IncidentNotFoundError);
    given([reported])
      .when({ type: 'AcknowledgeIncident', ...as(colleague) })
      .thenThrows(IncidentNotFoundError);
    given([reported])
      .when({ type: 'AcknowledgeIncident', ...as(agent) })
      .thenThrows(ForbiddenError);
  });

  it('does not exist before it is reported', () =>
    given([])
      .when({ type: 'AcknowledgeIncident', ...as(lead) })
      .thenThrows(IncidentNotFoundError));

  it('offers support once until it is declined', () => {
    given([reported])
      .when({ type: 'OfferSupport', kind: 'debrief', ...as(lead) })
      .then([debriefOffered]);
    given([reported, debriefOffered])
      .when({ type: 'OfferSupport', kind: 'debrief', ...as(lead) })
      .then([]);
    given([reported, debriefOffered, { type: 'SupportDeclined', data: { incidentId, kind: 'debrief' } }])
      .when({ type: 'OfferSupport', kind: 'debrief', ...as(officer) })
      .then([{ type: 'SupportOffered', data: { incidentId, kind: 'debrief', by: 'w1', ...facts } }]);
  });

  it('lets the reporter accept or decline only support that was offered', () => {
    given([reported, debriefOffered])
      .when({ type: 'AcceptSupport', kind: 'debrief', ...as(agent) })
      .then([{ type: 'SupportAccepted', data: { incidentId, kind: 'debrief', ...facts } }]);
    given([reported, debriefOffered])
      .when({ type: 'DeclineSupport', kind: 'debrief', ...as(agent) })
      .then([{ type: 'SupportDeclined', data: { incidentId, kind: 'debrief' } }]);
    given([reported, debriefOffered])
      .when({ type: 'AcceptSupport', kind: 'counselling', ...as(agent) })
      .thenThrows(SupportNotOfferedError);
    given([reported, debriefOffered, { type: 'SupportDeclined', data: { incidentId, kind: 'debrief' } }])
      .when({ type: 'AcceptSupport', kind: 'debrief', ...as(agent) })
      .thenThrows(SupportNotOfferedError);
  });

  it('answers an offer for the reporter only', () =>
    given([reported, debriefOffered])
      .when({ type: 'AcceptSupport', kind: 'debrief', ...as(lead) })
      .thenThrows(ForbiddenError));

  it('lets the reporter take a recovery break of 5 to 60 minutes without asking', () => {
    given([reported])
      .when({ type: 'TakeRecoveryBreak', minutes: 15, ...as(agent) })
      .then([{ type: 'RecoveryBreakTaken', data: { incidentId, minutes: 15 } }]);
    given([reported])
      .when({ type: 'TakeRecoveryBreak', minutes: 4, ...as(agent) })
      .thenThrows(RecoveryBreakLengthError);
    given([reported])
      .when({ type: 'TakeRecoveryBreak', minutes: 61, ...as(agent) })
      .thenThrows(RecoveryBreakLengthError);
    given([reported])
      .when({ type: 'TakeRecoveryBreak', minutes: 15, ...as(lead) })
      .thenThrows(ForbiddenError);
  });

  it('records actions against the customer by the carers', () => {
    given([reported])
      .when({ type: 'RecordCustomerAction', action: 'contact_blocked', ...as(officer) })
      .then([{ type: 'CustomerActionRecorded', data: { incidentId, action: 'contact_blocked', by: 'w1', agentId } }]);
    given([reported])
      .when({ type: 'RecordCustomerAction', action: 'contact_blocked', ...as(agent) })
      .thenThrows(ForbiddenError);
  });

  it('is closed by a carer and withdrawn by the reporter only', () => {
    given([reported])
      .when({ type: 'CloseIncident', outcome: 'resolved', ...as(lead) })
      .then([closed]);
    given([reported])
      .when({ type: 'WithdrawIncident', ...as(agent) })
      .then([withdrawn]);
    given([reported])
      .when({ type: 'WithdrawIncident', ...as(lead) })
      .thenThrows(ForbiddenError);
    given([reported])
      .when({ type: 'WithdrawIncident', ...as(officer) })
      .thenThrows(ForbiddenError);
  });

  it('escalates an open incident for the care workflow', () =>
    given([reported])
      .when({ type: 'EscalateIncident', incidentId, reason: 'not acknowledged within 4 h' })
      .then([{ type: 'IncidentEscalated', data: { incidentId, reason: 'not acknowledged within 4 h', ...facts } }]));

  it('escalates an sla_breach only while unacknowledged, and once per reason', () => {
    const escalated: IncidentEvent = {
      type: 'IncidentEscalated',
      data: { incidentId, reason: 'sla_breach', ...facts },
    };
    given([reported]).when({ type: 'EscalateIncident', incidentId, reason: 'sla_breach' }).then([escalated]);
    given([reported, acknowledged]).when({ type: 'EscalateIncident', incidentId, reason: 'sla_breach' }).then([]);
    given([reported, escalated]).when({ type: 'EscalateIncident', incidentId, reason: 'sla_breach' }).then([]);
  });

  it('offers a recovery break on the care workflow’s behalf, once', () => {
    const offered: IncidentEvent = {
      type: 'SupportOffered',
      data: { incidentId, kind: 'recovery_break', by: 'worker', ...facts },
    };
    given([reported]).when({ type: 'OfferCare', incidentId, kind: 'recovery_break', by: 'worker' }).then([offered]);
    given([reported, offered]).when({ type: 'OfferCare', incidentId, kind: 'recovery_break', by: 'worker' }).then([]);
    given([reported, closed])
      .when({ type: 'OfferCare', incidentId, kind: 'recovery_break', by: 'worker' })
      .thenThrows(IncidentClosedError);
  });

  it('reminds the team lead of the acknowledgement SLA once, only while unacknowledged', () => {
    const dueAt = new Date(now.getTime() + 4 * 3_600_000);
    const due: IncidentEvent = {
      type: 'IncidentAcknowledgementDue',
      data: { incidentId, dueAt: dueAt.toISOString(), ...facts },
    };
    given([reported]).when({ type: 'RemindAcknowledgement', incidentId, dueAt }).then([due]);
    given([reported, due]).when({ type: 'RemindAcknowledgement', incidentId, dueAt }).then([]);
    given([reported, acknowledged]).when({ type: 'RemindAcknowledgement', incidentId, dueAt }).then([]);
    given([reported, closed])
      .when({ type: 'RemindAcknowledgement', incidentId, dueAt })
      .thenThrows(IncidentClosedError);
  });

  it('records the check-in with the agent once, and none after close', () => {
    const sent: IncidentEvent = {
      type: 'AgentCheckInSent',
      data: { incidentId, agentId: 'a1', at: now.toISOString() },
    };
    given([reported]).when({ type: 'RecordCheckIn', incidentId, now }).then([sent]);
    given([reported, sent]).when({ type: 'RecordCheckIn', incidentId, now }).then([]);
    given([reported, withdrawn]).when({ type: 'RecordCheckIn', incidentId, now }).thenThrows(IncidentClosedError);
  });

  it('refuses everything after close or withdrawal', () => {
    given([reported, closed])
      .when({ type: 'AcknowledgeIncident', ...as(lead) })
      .thenThrows(IncidentClosedError);
    given([reported, withdrawn])
      .when({ type: 'TakeRecoveryBreak', minutes: 10, ...as(agent) })
      .thenThrows(IncidentClosedError);
    given([reported, closed])
      .when({ type: 'EscalateIncident', incidentId, reason: 'late' })
      .thenThrows(IncidentClosedError);
  });
});

describe('incident decider: properties', () => {
  const kind = fc.constantFrom(...SUPPORT_KINDS);
  const middle: fc.Arbitrary<IncidentEvent> = fc.oneof(
    fc.constant(acknowledged),
    kind.map((k) => ({ type: 'SupportOffered' as const, data: { incidentId, kind: k, by: 'l1', ...facts } })),
    kind.map((k) => ({ type: 'SupportAccepted' as const, data: { incidentId, kind: k, ...facts } })),
    kind.map((k) => ({ type: 'SupportDeclined' as const, data: { incidentId, kind: k } })),
    fc
      .integer({ min: 5, max: 60 })
      .map((minutes) => ({ type: 'RecoveryBreakTaken' as const, data: { incidentId, minutes } })),
    fc.constantFrom(...CUSTOMER_ACTIONS).map((action) => ({
      type: 'CustomerActionRecorded' as const,
      data: { incidentId, action, by: 'w1', agentId },
    })),
    fc.constant<IncidentEvent>({ type: 'IncidentEscalated', data: { incidentId, reason: 'late', ...facts } }),
  );
  const ending = fc.constantFrom<IncidentEvent>(closed, withdrawn);
  const history = fc
    .tuple(fc.array(middle, { maxLength: 12 }), ending)
    .map(([events, last]) => [reported, ...events, last]);
  const anyone = fc.constantFrom(agent, lead, otherLead, officer, colleague);
  const lifecycle: fc.Arbitrary<IncidentLifecycleCommand> = fc
    .oneof(
      fc.constant({ type: 'AcknowledgeIncident' as const }),
      kind.map((k) => ({ type: 'OfferSupport' as const, kind: k })),
      kind.map((k) => ({ type: 'AcceptSupport' as const, kind: k })),
      kind.map((k) => ({ type: 'DeclineSupport' as const, kind: k })),
      fc.integer({ min: 5, max: 60 }).map((minutes) => ({ type: 'TakeRecoveryBreak' as const, minutes })),
      fc.constantFrom(...CUSTOMER_ACTIONS).map((action) => ({ type: 'RecordCustomerAction' as const, action })),
      fc.constantFrom(...INCIDENT_OUTCOMES).map((outcome) => ({ type: 'CloseIncident' as const, outcome })),
      fc.constant({ type: 'WithdrawIncident' as const }),
    )
    .chain((command) => anyone.map((by) => ({ ...command, incidentId, by, now }) as IncidentLifecycleCommand));

  it('refuses every lifecycle command, by anyone, once the incident is closed or withdrawn', () =>
    fc.assert(
      fc.property(history, lifecycle, (events, command) => {
        let thrown: unknown;
        try {
          incidentDecider.decide(command, events.reduce(incidentDecider.evolve, incidentDecider.initialState()));
        } catch (error) {
          thrown = error;
        }
        // No events, ever: closed for those who may act, otherwise forbidden or unknown as before.
        expect(thrown).toBeInstanceOf(DomainError);
        expect(
          thrown instanceof IncidentClosedError ||
            thrown instanceof ForbiddenError ||
            thrown instanceof IncidentNotFoundError,
        ).toBe(true);
      }),
    ));

  it('refuses with incident-closed whenever the actor may play the part', () =>
    fc.assert(
      fc.property(history, lifecycle, (events, command) => {
        const reporterPart = ['AcceptSupport', 'DeclineSupport', 'TakeRecoveryBreak', 'WithdrawIncident'];
        const by = reporterPart.includes(command.type) ? agent : officer;
        given(events)
          .when({ ...command, by })
          .thenThrows(IncidentClosedError);
      }),
    ));
});
