import type { DomainEvent } from '@frontline/decider';

/** One kudos counted against its sender's allowance for the day of the stream. */
export type KudosAllowanceSpent = DomainEvent<'KudosAllowanceSpent', { kudosId: string }>;

export type KudosAllowanceEvent = KudosAllowanceSpent;
