import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@frontline/platform';
import { UnknownKudosError, kudosDecider } from '../domain/kudos.decider';
import { kudosStream } from '../domain/recognition.streams';
import { lookUpPeople } from './directory-facts';
import { ReactToKudosCommand } from './react-to-kudos.command';

@CommandHandler(ReactToKudosCommand)
export class ReactToKudosHandler implements ICommandHandler<ReactToKudosCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ reaction, context }: ReactToKudosCommand) {
    const stream = kudosStream(reaction.kudosId);
    const { state } = await this.executor.load(stream, kudosDecider);
    if (state.status === 'none') throw new UnknownKudosError(`No kudos ${reaction.kudosId}`);
    const personId = context.actor.personId;
    // Who may see team kudos depends on the teams of everyone involved, as the directory has them now.
    const people = await lookUpPeople(this.executor, [personId, state.fromId, ...state.toIds]);
    await this.executor.execute(stream, kudosDecider, { ...reaction, personId, people }, context);
    return { kudosId: reaction.kudosId };
  }
}
