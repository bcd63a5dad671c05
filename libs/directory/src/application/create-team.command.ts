import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@frontline/platform';

export class CreateTeamCommand extends Command<{ teamId: string }> {
  constructor(
    readonly team: { teamId: string; name: string; parentTeamId?: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
