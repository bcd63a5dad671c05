import { type Decider, DomainError, assertNever } from '@frontline/decider';
import {
  type CustomerAction,
  type IncidentOutcome,
  OCCURRED_AT_MAX_DAYS_BACK,
  RECOVERY_BREAK_MINUTES,
  type SupportKind,
} from './abuse.vocabulary';
import type { AbuseIncidentReported, IncidentEvent, IncidentFacts } from './incident.events';
import { type IncidentActor, IncidentNotFoundError, authorise } from './incident.policy';

export type SupportOfferStatus = 'offered' | 'accepted' | 'declined';

export type IncidentState =
  | { status: 'none' }
  | (AbuseIncidentReported['data'] & {
      status: 'open' | 'closed' | 'withdrawn';
      acknowledged?: { by: string; at: string };
      supportOffers: { kind: SupportKind; by: string; status: SupportOfferStatus }[];
      recoveryBreaks: number[];
      customerActions: { action: CustomerAction; by: string }[];
      escalations: string[];
      acknowledgementDue?: string;
      checkInSentAt?: string;
      closed?: { outcome: IncidentOutcome; by: string };
    });

export type ReportIncident = Omit<AbuseIncidentReported['data'], 'reportedAt' | 'siteId'> & {
  type: 'ReportIncident';
  /** The site of the agent's team, from the directory. */
  siteId: string;
  /** The person making the request; must be the agent the incident happened to. */
  reportedBy: string;
  now: Date;
};

type Lifecycle<Type extends string, Data = object> = {
  type: Type;
  incidentId: string;
  by: IncidentActor;
  now: Date;
} & Data;

export type IncidentLifecycleCommand =
  | Lifecycle<'AcknowledgeIncident'>
  | Lifecycle<'OfferSupport', { kind: SupportKind }>
  | Lifecycle<'AcceptSupport', { kind: SupportKind }>
  | Lifecycle<'DeclineSupport', { kind: SupportKind }>
  | Lifecycle<'TakeRecoveryBreak', { minutes: number }>
  | Lifecycle<'RecordCustomerAction', { action: CustomerAction }>
  | Lifecycle<'CloseIncident', { outcome: IncidentOutcome }>
  | Lifecycle<'WithdrawIncident'>;

/**
 * Raised by the care workflow when nobody acknowledged in time; no person acts. An `sla_breach`
 * of an incident acknowledged meanwhile, or one already escalated for the same reason, changes nothing.
 */
export type EscalateIncident = { type: 'EscalateIncident'; incidentId: string; reason: string };
export const SLA_BREACH = 'sla_breach';

/** The care workflow offers support on its own behalf (`by` is the worker's id); no person acts. */
export type OfferCare = { type: 'OfferCare'; incidentId: string; kind: SupportKind; by: string };

/** The care workflow's check-in with the agent, sent once. */
export type RecordCheckIn = { type: 'RecordCheckIn'; incidentId: string; now: Date };

/** The care workflow's reminder to the team lead before the acknowledgement SLA passes at `dueAt`. */
export type RemindAcknowledgement = { type: 'RemindAcknowledgement'; incidentId: string; dueAt: Date };

export type CareCommand = EscalateIncident | OfferCare | RecordCheckIn | RemindAcknowledgement;

export type IncidentCommand = ReportIncident | IncidentLifecycleCommand | CareCommand;

export class IncidentAlreadyReportedError extends DomainError {
  readonly code = 'incident-already-reported';
  readonly kind = 'conflict';
}

export class ReportForSomeoneElseError extends DomainError {
  readonly code = 'report-for-someone-else';
  readonly kind = 'forbidden';
}

export class OccurredAtOutOfRangeError extends DomainError {
  readonly code = 'occurred-at-out-of-range';
  readonly kind = 'invalid';
}

export class IncidentClosedError extends DomainError {
  readonly code = 'incident-closed';
  readonly kind = 'conflict';
}

export class IncidentAlreadyAcknowledgedError extends DomainError {
  readonly code = 'incident-already-acknowledged';
  readonly kind = 'conflict';
}

export class SupportNotOfferedError extends DomainError {
  readonly code = 'support-not-offered';
  readonly kind = 'conflict';
}

export class RecoveryBreakLengthError extends DomainError {
  readonly code = 'recovery-break-length';
  readonly kind = 'invalid';
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Who plays which part for each lifecycle command. */
const PART = {
  AcknowledgeIncident: 'carer',
  OfferSupport: 'carer',
  RecordCustomerAction: 'carer',
  CloseIncident: 'carer',
  AcceptSupport: 'reporter',
  DeclineSupport: 'reporter',
  TakeRecoveryBreak: 'reporter',
  WithdrawIncident: 'reporter',
} as const satisfies Record<IncidentLifecycleCommand['type'], 'carer' | 'reporter'>;

export const incidentDecider: Decider<IncidentCommand, IncidentEvent, IncidentState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    if (command.type === 'ReportIncident') return report(command, state);
    if (state.status === 'none') throw new IncidentNotFoundError(`No incident ${command.incidentId}`);
    if (!isCareCommand(command)) authorise(command.by, state, PART[command.type]);
    if (state.status !== 'open') throw new IncidentClosedError(`Incident ${state.incidentId} is ${state.status}`);
    const { incidentId } = state;
    const facts = factsOf(state);
    switch (command.type) {
      case 'AcknowledgeIncident':
        if (state.acknowledged) throw new IncidentAlreadyAcknowledgedError(`Incident ${incidentId} is acknowledged`);
        return [
          {
            type: 'IncidentAcknowledged',
            data: { incidentId, by: command.by.personId, at: iso(command.now), ...facts },
          },
        ];
      case 'OfferSupport':
      case 'OfferCare': {
        const offer = state.supportOffers.find((o) => o.kind === command.kind);
        // Offered and not yet answered, or taken up: offering again changes nothing.
        if (offer && offer.status !== 'declined') return [];
        const by = typeof command.by === 'string' ? command.by : command.by.personId;
        return [{ type: 'SupportOffered', data: { incidentId, kind: command.kind, by, ...facts } }];
      }
      case 'AcceptSupport':
      case 'DeclineSupport': {
        const answer = command.type === 'AcceptSupport' ? 'accepted' : 'declined';
        const offer = state.supportOffers.find((o) => o.kind === command.kind);
        if (offer?.status === answer) return [];
        if (offer?.status !== 'offered') throw new SupportNotOfferedError(`No open offer of ${command.kind}`);
        return answer === 'accepted'
          ? [{ type: 'SupportAccepted', data: { incidentId, kind: command.kind, ...facts } }]
          : [{ type: 'SupportDeclined', data: { incidentId, kind: command.kind } }];
      }
      case 'TakeRecoveryBreak': {
        const { min, max } = RECOVERY_BREAK_MINUTES;
        if (!Number.isInteger(command.minutes) || command.minutes < min || command.minutes > max) {
          throw new RecoveryBreakLengthError(`A recovery break lasts ${min} to ${max} minutes`);
        }
        return [{ type: 'RecoveryBreakTaken', data: { incidentId, minutes: command.minutes } }];
      }
      case 'RecordCustomerAction':
        return [
          {
            type: 'CustomerActionRecorded',
            data: { incidentId, action: command.action, by: command.by.personId, agentId: state.agentId },
          },
        ];
      case 'CloseIncident':
        return [
          {
            type: 'IncidentClosed',
            data: { incidentId, outcome: command.outcome, by: command.by.personId, agentId: state.agentId },
          },
        ];
      case 'WithdrawIncident':
        return [{ type: 'IncidentWithdrawn', data: { incidentId } }];
      case 'EscalateIncident':
        if (command.reason === SLA_BREACH && state.acknowledged) return [];
        if (state.escalations.includes(command.reason)) return [];
        return [{ type: 'IncidentEscalated', data: { incidentId, reason: command.reason, ...facts } }];
      case 'RemindAcknowledgement':
        if (state.acknowledged || state.acknowledgementDue) return [];
        return [{ type: 'IncidentAcknowledgementDue', data: { incidentId, dueAt: iso(command.dueAt), ...facts } }];
      case 'RecordCheckIn':
        if (state.checkInSentAt) return [];
        return [{ type: 'AgentCheckInSent', data: { incidentId, agentId: state.agentId, at: iso(command.now) } }];
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    if (event.type === 'AbuseIncidentReported') {
      return {
        ...event.data,
        status: 'open',
        supportOffers: [],
        recoveryBreaks: [],
        customerActions: [],
        escalations: [],
      };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'IncidentAcknowledged':
        return { ...state, acknowledged: { by: event.data.by, at: event.data.at } };
      case 'SupportOffered': {
        const others = state.supportOffers.filter((o) => o.kind !== event.data.kind);
        return {
          ...state,
          supportOffers: [...others, { kind: event.data.kind, by: event.data.by, status: 'offered' }],
        };
      }
      case 'SupportAccepted':
      case 'SupportDeclined': {
        const status: SupportOfferStatus = event.type === 'SupportAccepted' ? 'accepted' : 'declined';
        const supportOffers = state.supportOffers.map((o) => (o.kind === event.data.kind ? { ...o, status } : o));
        return { ...state, supportOffers };
      }
      case 'RecoveryBreakTaken':
        return { ...state, recoveryBreaks: [...state.recoveryBreaks, event.data.minutes] };
      case 'IncidentEscalated':
        return { ...state, escalations: [...state.escalations, event.data.reason] };
      case 'CustomerActionRecorded':
        return {
          ...state,
          customerActions: [...state.customerActions, { action: event.data.action, by: event.data.by }],
        };
      case 'IncidentClosed':
        return { ...state, status: 'closed', closed: { outcome: event.data.outcome, by: event.data.by } };
      case 'IncidentWithdrawn':
        return { ...state, status: 'withdrawn' };
      case 'IncidentAcknowledgementDue':
        return { ...state, acknowledgementDue: event.data.dueAt };
      case 'AgentCheckInSent':
        return { ...state, checkInSentAt: event.data.at };
      default:
        return state;
    }
  },
};

function report(command: ReportIncident, state: IncidentState): IncidentEvent[] {
  if (state.status !== 'none') throw new IncidentAlreadyReportedError(`Incident ${command.incidentId} exists`);
  if (command.reportedBy !== command.agentId) {
    throw new ReportForSomeoneElseError('An incident is reported by the agent it happened to, nobody else');
  }
  const occurredAt = new Date(command.occurredAt).getTime();
  const now = command.now.getTime();
  if (Number.isNaN(occurredAt) || occurredAt > now || occurredAt < now - OCCURRED_AT_MAX_DAYS_BACK * DAY_MS) {
    throw new OccurredAtOutOfRangeError(
      `occurredAt must be in the last ${OCCURRED_AT_MAX_DAYS_BACK} days and not in the future`,
    );
  }
  const {
    type: _type,
    reportedBy: _reportedBy,
    now: _now,
    contactRef,
    customerPseudonym,
    narrative,
    ...rest
  } = command;
  return [
    {
      type: 'AbuseIncidentReported',
      data: {
        ...rest,
        occurredAt: new Date(occurredAt).toISOString(),
        ...(contactRef === undefined ? {} : { contactRef }),
        ...(customerPseudonym === undefined ? {} : { customerPseudonym }),
        ...(narrative === undefined ? {} : { narrative }),
        reportedAt: iso(command.now),
      },
    },
  ];
}

const iso = (date: Date) => date.toISOString();

const CARE_COMMANDS: ReadonlySet<string> = new Set<CareCommand['type']>([
  'EscalateIncident',
  'OfferCare',
  'RecordCheckIn',
  'RemindAcknowledgement',
]);
const isCareCommand = (command: Exclude<IncidentCommand, ReportIncident>): command is CareCommand =>
  CARE_COMMANDS.has(command.type);

function factsOf(incident: IncidentFacts): IncidentFacts {
  const { agentId, teamId, siteId, channel, kinds, severity, occurredAt, reportedAt } = incident;
  // An incident reported before sites were recorded has none in any of its events.
  const site = siteId === undefined ? {} : { siteId };
  return { agentId, teamId, ...site, channel, kinds, severity, occurredAt, reportedAt };
}
