import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@frontline/platform';
import { teamStream } from '../domain/directory.streams';
import { UnknownTeamError, teamDecider } from '../domain/team.decider';
import { CreateTeamCommand } from './create-team.command';

@CommandHandler(CreateTeamCommand)
export class CreateTeamHandler implements ICommandHandler<CreateTeamCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ team, context }: CreateTeamCommand) {
    if (team.parentTeamId) await requireTeam(this.executor, team.parentTeamId);
    await this.executor.execute(teamStream(team.teamId), teamDecider, { type: 'CreateTeam', ...team }, context);
    return { teamId: team.teamId };
  }
}

/** Cross-stream precondition: the team must exist. */
export async function requireTeam(executor: CommandExecutor, teamId: string): Promise<void> {
  const { state } = await executor.load(teamStream(teamId), teamDecider);
  if (state.status === 'none') throw new UnknownTeamError(`No team ${teamId}`);
}
