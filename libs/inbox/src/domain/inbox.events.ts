import type { DomainEvent } from '@frontline/decider';

/** The person has read their inbox up to this item id (and everything before it). */
export type InboxReadUpTo = DomainEvent<'InboxReadUpTo', { personId: string; upTo: string; at: string }>;

export type InboxEvent = InboxReadUpTo;
