import type { DomainEvent } from '@frontline/decider';

export type TeamCreated = DomainEvent<'TeamCreated', { teamId: string; name: string; parentTeamId?: string }>;
export type TeamRenamed = DomainEvent<'TeamRenamed', { teamId: string; name: string }>;

export type TeamEvent = TeamCreated | TeamRenamed;
