import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@frontline/platform';
import { teamStream } from '../domain/directory.streams';
import { UnknownTeamError, teamDecider } from '../domain/team.decider';
import { CreateTeamCommand } from './create-team.command';
import { TeamSites } from './team-sites';

@CommandHandler(CreateTeamCommand)
export class CreateTeamHandler implements ICommandHandler<CreateTeamCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly sites: TeamSites,
  ) {}

  async execute({ team: { teamId, name, parentTeamId }, context }: CreateTeamCommand) {
    // The parent must exist, and the new team shares its site.
    const parent = parentTeamId ? { parentTeamId, parentSiteId: await this.sites.siteOf(parentTeamId) } : {};
    await this.executor.execute(
      teamStream(teamId),
      teamDecider,
      { type: 'CreateTeam', teamId, name, ...parent },
      context,
    );
    return { teamId };
  }
}

/** Cross-stream precondition: the team must exist. */
export async function requireTeam(executor: CommandExecutor, teamId: string): Promise<void> {
  const { state } = await executor.load(teamStream(teamId), teamDecider);
  if (state.status === 'none') throw new UnknownTeamError(`No team ${teamId}`);
}
