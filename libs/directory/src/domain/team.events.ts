import type { DomainEvent } from '@frontline/decider';

/**
 * `siteId` is the team's root ancestor (itself when it has no parent): a parent is only ever set
 * here, so a team's site never changes. Absent on teams created before sites were recorded.
 */
export type TeamCreated = DomainEvent<
  'TeamCreated',
  { teamId: string; name: string; parentTeamId?: string; siteId?: string }
>;
export type TeamRenamed = DomainEvent<'TeamRenamed', { teamId: string; name: string }>;

export type TeamEvent = TeamCreated | TeamRenamed;
