import {
  type components,
  reportIncidentRequestChannelValues,
  reportIncidentRequestKindsValues,
  reportIncidentRequestSeverityValues,
} from '../../api/schema.gen';

export type IncidentReport = components['schemas']['ReportIncidentRequest'];
export type Channel = IncidentReport['channel'];
export type AbuseKind = IncidentReport['kinds'][number];
export type Severity = IncidentReport['severity'];

/** The choices the api takes, from its OpenAPI document, in its order. */
export const CHANNELS = reportIncidentRequestChannelValues;
export const ABUSE_KINDS = reportIncidentRequestKindsValues;
export const SEVERITIES = reportIncidentRequestSeverityValues;

/**
 * A report being written, kept on this device after every change so that a closed tab or a lost
 * connection loses nothing. Its incident id and Idempotency-Key are chosen once, when it starts:
 * sending it twice (a retry after a timeout, a second tab) reports one incident.
 */
export interface ReportDraft {
  incidentId: string;
  idempotencyKey: string;
  /** When the agent started the report: "when it happened" unless they say otherwise. */
  startedAt: string;
  channel: Channel | null;
  kinds: AbuseKind[];
  severity: Severity | null;
  /** Null: it happened when the report started. */
  occurredAt: string | null;
  customerRef: string;
  narrative: string;
  supportRequested: boolean;
  shareNarrativeWithLead: boolean;
}

/** The part of the Web Storage API a draft needs (localStorage in the browser, a Map in tests). */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A draft older than this is discarded: the api refuses incidents that happened more than 90 days ago. */
const DRAFT_LIFETIME_MS = 7 * 24 * 3_600_000;
const keyOf = (personId: string) => `frontline.reportDraft.${personId}`;

export function newDraft(now: Date, newId: () => string, channel: Channel | null = null): ReportDraft {
  return {
    incidentId: newId(),
    idempotencyKey: newId(),
    startedAt: now.toISOString(),
    channel,
    kinds: [],
    severity: null,
    occurredAt: null,
    customerRef: '',
    narrative: '',
    supportRequested: false,
    shareNarrativeWithLead: false,
  };
}

/** The person's saved draft, or a new one (on the channel they reported on last time). */
export function loadDraft(storage: DraftStorage, personId: string, now: Date, newId: () => string): ReportDraft {
  const saved = parse(storage.getItem(keyOf(personId)));
  if (saved && now.getTime() - Date.parse(saved.startedAt) < DRAFT_LIFETIME_MS) return saved;
  return newDraft(now, newId, lastChannel(storage, personId));
}

export function saveDraft(storage: DraftStorage, personId: string, draft: ReportDraft): void {
  storage.setItem(keyOf(personId), JSON.stringify(draft));
}

/** Once the api has the report: the draft goes, the channel is remembered for the next one. */
export function draftSent(storage: DraftStorage, personId: string, draft: ReportDraft): void {
  storage.removeItem(keyOf(personId));
  if (draft.channel) storage.setItem(`${keyOf(personId)}.channel`, draft.channel);
}

function lastChannel(storage: DraftStorage, personId: string): Channel | null {
  const channel = storage.getItem(`${keyOf(personId)}.channel`) as Channel | null;
  return channel && CHANNELS.includes(channel) ? channel : null;
}

function parse(text: string | null): ReportDraft | undefined {
  if (!text) return undefined;
  try {
    const draft = JSON.parse(text) as ReportDraft;
    return typeof draft.incidentId === 'string' && typeof draft.startedAt === 'string' ? draft : undefined;
  } catch {
    return undefined;
  }
}

export type MissingField = 'channel' | 'kinds' | 'severity';

/** What is still to choose before the draft can be sent; empty when it can. */
export function missingFields(draft: ReportDraft): MissingField[] {
  return [
    ...(draft.channel ? [] : (['channel'] as const)),
    ...(draft.kinds.length > 0 ? [] : (['kinds'] as const)),
    ...(draft.severity ? [] : (['severity'] as const)),
  ];
}

/** The request body for POST /v1/incidents; optional texts left empty are left out. */
export function toReport(draft: ReportDraft): IncidentReport {
  if (missingFields(draft).length > 0) throw new Error('The draft is not complete');
  const customerRef = draft.customerRef.trim();
  const narrative = draft.narrative.trim();
  return {
    incidentId: draft.incidentId,
    channel: draft.channel!,
    kinds: draft.kinds,
    severity: draft.severity!,
    occurredAt: draft.occurredAt ?? draft.startedAt,
    ...(customerRef ? { customerRef } : {}),
    ...(narrative ? { narrative } : {}),
    supportRequested: draft.supportRequested,
    shareNarrativeWithLead: draft.shareNarrativeWithLead && narrative !== '',
  };
}
