import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@frontline/platform';

export class RenameTeamCommand extends Command<{ teamId: string }> {
  constructor(
    readonly team: { teamId: string; name: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
