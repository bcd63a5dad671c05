import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, IdempotencyRecords, PersonalData } from '@frontline/platform';
import { personStream } from '../domain/directory.streams';
import { type PersonCommand, UnknownPersonError, personDecider } from '../domain/person.decider';
import { requireTeam } from './create-team.handler';
import { ChangePersonCommand } from './change-person.command';
import { DirectoryStandings } from './directory-standings';
import { IdentityLinks } from './identity-links';

@CommandHandler(ChangePersonCommand)
export class ChangePersonHandler implements ICommandHandler<ChangePersonCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly personalData: PersonalData,
    private readonly idempotencyRecords: IdempotencyRecords,
    private readonly standings: DirectoryStandings,
    private readonly identities: IdentityLinks,
  ) {}

  async execute({ change, context }: ChangePersonCommand) {
    const { personId } = change;
    if (change.type === 'LinkIdentity') await this.identities.link(personId, change.identity, context);
    else if (change.type === 'UnlinkIdentity') await this.identities.unlink(personId, context);
    else await this.executor.execute(personStream(personId), personDecider, await this.decision(change), context);
    await this.standings.changed();
    return { personId };
  }

  /** The command for the decider, once what it needs from elsewhere is there. */
  private async decision(
    change: Exclude<ChangePersonCommand['change'], { type: 'LinkIdentity' | 'UnlinkIdentity' }>,
  ): Promise<PersonCommand> {
    const { personId } = change;
    switch (change.type) {
      case 'MovePerson':
        await requireTeam(this.executor, change.toTeamId);
        return change;
      case 'RenamePerson': {
        const [displayName, displayNameKey] = await Promise.all([
          this.personalData.encrypt(personId, change.displayName),
          this.personalData.fingerprint(personId, change.displayName),
        ]);
        return { type: 'RenamePerson', personId, displayName, displayNameKey };
      }
      case 'ErasePersonalData': {
        const { state } = await this.executor.load(personStream(personId), personDecider);
        if (state.status === 'none') throw new UnknownPersonError(`Nobody is enrolled as ${personId}`);
        // The key goes first: if the append then fails, the data is already unreadable and a retry records it.
        await this.personalData.erase(personId);
        // Their requests' records are forgotten too, though they hold only MACs: nothing of them outlives erasure.
        await this.idempotencyRecords.forget(personId);
        return change;
      }
      default:
        return change;
    }
  }
}
