import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@frontline/platform';
import { kudosDecider } from '../domain/kudos.decider';
import { kudosStream } from '../domain/recognition.streams';
import { RemoveKudosCommand } from './remove-kudos.command';

@CommandHandler(RemoveKudosCommand)
export class RemoveKudosHandler implements ICommandHandler<RemoveKudosCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ removal, context }: RemoveKudosCommand) {
    const { personId, teamId, roles: byRoles } = context.actor;
    const command =
      removal.type === 'RetractKudos'
        ? { ...removal, by: { personId, teamId } }
        : { ...removal, by: personId, byRoles };
    await this.executor.execute(kudosStream(removal.kudosId), kudosDecider, command, context);
    return { kudosId: removal.kudosId };
  }
}
