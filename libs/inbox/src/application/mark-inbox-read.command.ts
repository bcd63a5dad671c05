import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@frontline/platform';

/** The actor's own inbox, read up to one of its items. */
export class MarkInboxReadCommand extends Command<{ upTo: string; unread: number }> {
  constructor(
    readonly upTo: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
