import { setTimeout as sleep } from 'node:timers/promises';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TeamSites } from '@frontline/directory';
import { WrongExpectedRevisionError } from '@frontline/event-store';
import { AppConfig, type CommandContext, CommandExecutor, newId } from '@frontline/platform';
import { type KudosAllowanceCommand, kudosAllowanceDecider } from '../domain/kudos-allowance.decider';
import { type SendKudos, kudosDecider, refuseUnsendableKudos } from '../domain/kudos.decider';
import { kudosAllowanceStream, kudosStream } from '../domain/recognition.streams';
import { lookUpPeople } from './directory-facts';
import { SendKudosCommand } from './send-kudos.command';

@CommandHandler(SendKudosCommand)
export class SendKudosHandler implements ICommandHandler<SendKudosCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly config: AppConfig,
    private readonly sites: TeamSites,
  ) {}

  async execute({ kudos, context }: SendKudosCommand) {
    const kudosId = newId(context, 'kudos');
    const fromId = context.actor.personId;
    const { to: toIds, ...rest } = kudos;
    const people = await lookUpPeople(this.executor, [fromId, ...toIds], this.sites);
    const send: SendKudos = { type: 'SendKudos', kudosId, fromId, toIds, ...rest, people, now: context.now };
    refuseUnsendableKudos(send);
    // Allowance first, kudos second, both with ids from the Idempotency-Key: no kudos escapes the count, and a retry finishes without spending twice.
    await this.spendAllowance(
      { type: 'SpendKudosAllowance', kudosId, senderId: fromId, allowance: this.config.KUDOS_DAILY_ALLOWANCE },
      context,
    );
    await this.executor.execute(kudosStream(kudosId), kudosDecider, send, context, { expectNew: true });
    return { kudosId };
  }

  /** A burst of sends by one person races on one stream; each lost race is someone else's spend, so allowance + 1 tries always decide. */
  private async spendAllowance(spend: KudosAllowanceCommand, context: CommandContext): Promise<void> {
    const stream = kudosAllowanceStream(spend.senderId, context.now);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.executor.execute(stream, kudosAllowanceDecider, spend, context);
        return;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt > spend.allowance) throw error;
        await sleep(Math.random() * 10 * attempt);
      }
    }
  }
}
