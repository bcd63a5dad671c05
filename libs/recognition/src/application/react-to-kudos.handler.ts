import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@frontline/platform';
import { kudosDecider } from '../domain/kudos.decider';
import { kudosStream } from '../domain/recognition.streams';
import { ReactToKudosCommand } from './react-to-kudos.command';

@CommandHandler(ReactToKudosCommand)
export class ReactToKudosHandler implements ICommandHandler<ReactToKudosCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ reaction, context }: ReactToKudosCommand) {
    const { personId, teamId } = context.actor;
    await this.executor.execute(
      kudosStream(reaction.kudosId),
      kudosDecider,
      { ...reaction, by: { personId, teamId } },
      context,
    );
    return { kudosId: reaction.kudosId };
  }
}
