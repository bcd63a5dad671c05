import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@frontline/platform';
import { teamStream } from '../domain/directory.streams';
import { teamDecider } from '../domain/team.decider';
import { RenameTeamCommand } from './rename-team.command';

@CommandHandler(RenameTeamCommand)
export class RenameTeamHandler implements ICommandHandler<RenameTeamCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ team, context }: RenameTeamCommand) {
    await this.executor.execute(teamStream(team.teamId), teamDecider, { type: 'RenameTeam', ...team }, context);
    return { teamId: team.teamId };
  }
}
