import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@frontline/platform';
import type { Identity } from './identity-links';

export class EnrolPersonCommand extends Command<{ personId: string }> {
  constructor(
    readonly person: {
      personId: string;
      teamId: string;
      displayName: string;
      roles: string[];
      timezone: string;
      /** Who they are at the identity provider, when they sign in through one. */
      identity?: Identity;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}
