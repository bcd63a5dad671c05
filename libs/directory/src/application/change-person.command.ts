import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@frontline/platform';

/** The admin's changes to someone already enrolled: move, offboard, erase. */
export class ChangePersonCommand extends Command<{ personId: string }> {
  constructor(
    readonly change:
      | { type: 'MovePerson'; personId: string; toTeamId: string }
      | { type: 'OffboardPerson' | 'ErasePersonalData'; personId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
