import { type Decider, DomainError, assertNever } from '@frontline/decider';
import type { TeamEvent } from './team.events';

export type TeamState =
  { status: 'none' } | { status: 'active'; teamId: string; name: string; parentTeamId?: string; siteId?: string };

/** Under a parent, the command carries the parent's site, which the new team shares. */
export type CreateTeam = { type: 'CreateTeam'; teamId: string; name: string } & (
  { parentTeamId?: undefined } | { parentTeamId: string; parentSiteId: string }
);

export type TeamCommand = CreateTeam | { type: 'RenameTeam'; teamId: string; name: string };

export class TeamAlreadyExistsError extends DomainError {
  readonly code = 'team-already-exists';
  readonly kind = 'conflict';
}

export class UnknownTeamError extends DomainError {
  readonly code = 'unknown-team';
  readonly kind = 'not_found';
}

export const teamDecider: Decider<TeamCommand, TeamEvent, TeamState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'CreateTeam': {
        if (state.status !== 'none') throw new TeamAlreadyExistsError(`Team ${command.teamId} exists already`);
        const { teamId, name } = command;
        const parent = command.parentTeamId ? { parentTeamId: command.parentTeamId } : {};
        const siteId = command.parentTeamId ? command.parentSiteId : teamId;
        return [{ type: 'TeamCreated', data: { teamId, name, ...parent, siteId } }];
      }
      case 'RenameTeam':
        if (state.status === 'none') throw new UnknownTeamError(`No team ${command.teamId}`);
        return state.name === command.name
          ? []
          : [{ type: 'TeamRenamed', data: { teamId: command.teamId, name: command.name } }];
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'TeamCreated':
        return { status: 'active', ...event.data };
      case 'TeamRenamed':
        return state.status === 'active' ? { ...state, name: event.data.name } : state;
      default:
        return state;
    }
  },
};
