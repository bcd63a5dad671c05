import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, PersonalData } from '@frontline/platform';
import { personStream } from '../domain/directory.streams';
import { IdentityTakenError } from '../domain/identity.decider';
import { personDecider } from '../domain/person.decider';
import { requireTeam } from './create-team.handler';
import { EnrolPersonCommand } from './enrol-person.command';
import { DirectoryStandings } from './directory-standings';
import { type Identity, IdentityLinks } from './identity-links';

@CommandHandler(EnrolPersonCommand)
export class EnrolPersonHandler implements ICommandHandler<EnrolPersonCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly personalData: PersonalData,
    private readonly standings: DirectoryStandings,
    private readonly identities: IdentityLinks,
  ) {}

  async execute({ person: { identity, ...person }, context }: EnrolPersonCommand) {
    await requireTeam(this.executor, person.teamId);
    if (identity) await this.refuseTaken(person.personId, identity);
    const [displayName, displayNameKey] = await Promise.all([
      this.personalData.encrypt(person.personId, person.displayName),
      this.personalData.fingerprint(person.personId, person.displayName),
    ]);
    await this.executor.execute(
      personStream(person.personId),
      personDecider,
      { type: 'EnrolPerson', ...person, displayName, displayNameKey },
      context,
    );
    if (identity) await this.identities.link(person.personId, identity, context);
    await this.standings.changed();
    return { personId: person.personId };
  }

  /** Before enrolling: a user name someone else holds would leave a person enrolled whom nobody can sign in as. */
  private async refuseTaken(personId: string, identity: Identity): Promise<void> {
    const holders = await Promise.all([
      this.identities.holderOf('userName', identity.userName),
      identity.externalId === undefined ? undefined : this.identities.holderOf('externalId', identity.externalId),
    ]);
    if (holders.some((holder) => holder !== undefined && holder !== personId))
      throw new IdentityTakenError('Another person has this user name or external id already');
  }
}
