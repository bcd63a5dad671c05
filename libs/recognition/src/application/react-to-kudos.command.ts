import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@frontline/platform';

/** Adds or takes back the actor's reaction with one emoji. */
export class ReactToKudosCommand extends Command<{ kudosId: string }> {
  constructor(
    readonly reaction: { type: 'AddKudosReaction' | 'RemoveKudosReaction'; kudosId: string; emoji: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
