import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@frontline/platform';

export class EnrolPersonCommand extends Command<{ personId: string }> {
  constructor(
    readonly person: { personId: string; teamId: string; displayName: string; roles: string[]; timezone: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
