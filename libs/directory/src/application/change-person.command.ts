import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@frontline/platform';
import type { Identity } from './identity-links';

/** Changes to someone already enrolled: by an admin, a SCIM client or an import. */
export class ChangePersonCommand extends Command<{ personId: string }> {
  constructor(
    readonly change:
      | { type: 'MovePerson'; personId: string; toTeamId: string }
      | { type: 'RenamePerson'; personId: string; displayName: string }
      | { type: 'ChangeRoles'; personId: string; roles: string[] }
      | { type: 'LinkIdentity'; personId: string; identity: Identity }
      | { type: 'OffboardPerson' | 'ReinstatePerson' | 'UnlinkIdentity' | 'ErasePersonalData'; personId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
