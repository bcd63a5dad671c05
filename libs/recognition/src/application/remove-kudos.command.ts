import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@frontline/platform';

/** Takes kudos out of every feed and count: retracted by the sender, or hidden by an admin. */
export class RemoveKudosCommand extends Command<{ kudosId: string }> {
  constructor(
    readonly removal:
      { type: 'RetractKudos'; kudosId: string } | { type: 'HideKudos'; kudosId: string; reason: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
