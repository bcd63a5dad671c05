import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@frontline/decider';
import { CommandExecutor } from '@frontline/platform';
import { inboxDecider } from '../domain/inbox.decider';
import { inboxStream } from '../domain/inbox.streams';
import { InboxReader } from '../queries/inbox-reader';
import { MarkInboxReadCommand } from './mark-inbox-read.command';

export class UnknownInboxItemError extends DomainError {
  readonly code = 'unknown-inbox-item';
  readonly kind = 'invalid';
}

/** Records the marker in the person's own stream, so the unread count stays a projection of the log. */
@CommandHandler(MarkInboxReadCommand)
export class MarkInboxReadHandler implements ICommandHandler<MarkInboxReadCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly reader: InboxReader,
  ) {}

  async execute({ upTo, context }: MarkInboxReadCommand) {
    const { personId } = context.actor;
    const keys = await this.reader.keys();
    const audiences = await this.reader.audiences(keys, context.actor);
    if (!(await this.reader.holds(keys, audiences, upTo))) {
      throw new UnknownInboxItemError(`upTo names no item of your inbox: ${upTo}`);
    }
    const { state } = await this.executor.execute(
      inboxStream(personId),
      inboxDecider,
      { type: 'MarkInboxRead', personId, upTo, now: context.now },
      context,
    );
    // The read model follows within a second; the answer counts from the marker just recorded.
    return { upTo: state.upTo ?? upTo, unread: await this.reader.unread(keys, audiences, state.upTo ?? upTo) };
  }
}
