import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, PersonalData, newId } from '@frontline/platform';
import { praiseDecider } from '../domain/praise.decider';
import { praiseStream } from '../domain/recognition.streams';
import { lookUpPeople } from './directory-facts';
import { RecordPraiseCommand } from './record-praise.command';

@CommandHandler(RecordPraiseCommand)
export class RecordPraiseHandler implements ICommandHandler<RecordPraiseCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly personalData: PersonalData,
  ) {}

  async execute({ praise, context }: RecordPraiseCommand) {
    const praiseId = newId(context, 'praise');
    const { agentId, source } = praise;
    const { [agentId]: agent } = await lookUpPeople(this.executor, [agentId]);
    // The quote often names the agent or the customer: encrypted under the agent's key, so erasable; nobody else gets a key.
    const quote = agent.status !== 'active' ? '' : await this.personalData.encrypt(agentId, praise.quote);
    await this.executor.execute(
      praiseStream(praiseId),
      praiseDecider,
      {
        type: 'RecordCustomerPraise',
        praiseId,
        agentId,
        agent,
        source,
        quote,
        quoteLength: [...praise.quote].length,
        recordedBy: context.actor.personId,
        recorderRoles: context.actor.roles,
        now: context.now,
      },
      context,
    );
    return { praiseId };
  }
}
