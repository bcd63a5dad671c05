import { Injectable } from '@nestjs/common';
import { CommandExecutor } from '@frontline/platform';
import { teamStream } from '../domain/directory.streams';
import { type TeamState, UnknownTeamError, teamDecider } from '../domain/team.decider';

// A site never changes, so a remembered one is never stale: the bound only caps memory (some 10 MB), far above any organisation's teams.
const REMEMBERED = 50_000;

/**
 * The site of a team: its root ancestor, the team itself when it has no parent. Facts record it
 * when they happen, so dashboards can count them by site with the organisation of their time.
 */
@Injectable()
export class TeamSites {
  private readonly remembered = new Map<string, string>();

  constructor(private readonly executor: CommandExecutor) {}

  /** Throws UnknownTeamError for a team that does not exist (teams are never removed, so one that did still does). */
  async siteOf(teamId: string): Promise<string> {
    const known = this.remembered.get(teamId);
    if (known !== undefined) return known;
    const siteId = await this.readFromLog(teamId);
    if (this.remembered.size >= REMEMBERED) this.remembered.delete(this.remembered.keys().next().value!);
    this.remembered.set(teamId, siteId);
    return siteId;
  }

  /** A team created before sites were recorded has none: up its parents to the root (a parent exists before its children, so the way up ends). */
  private async readFromLog(teamId: string): Promise<string> {
    const team = await this.team(teamId);
    if (team.siteId) return team.siteId;
    return team.parentTeamId ? this.siteOf(team.parentTeamId) : team.teamId;
  }

  private async team(teamId: string): Promise<Extract<TeamState, { status: 'active' }>> {
    const { state } = await this.executor.load(teamStream(teamId), teamDecider);
    if (state.status === 'none') throw new UnknownTeamError(`No team ${teamId}`);
    return state;
  }
}
