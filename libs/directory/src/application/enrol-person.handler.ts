import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, PersonalData } from '@frontline/platform';
import { personStream } from '../domain/directory.streams';
import { type PersonCommand, personDecider } from '../domain/person.decider';
import { EnrolPersonCommand } from './enrol-person.command';
import { DirectoryStandings } from './directory-standings';
import { IdentityLinks } from './identity-links';
import { TeamSites } from './team-sites';

type Person = EnrolPersonCommand['person'];

@CommandHandler(EnrolPersonCommand)
export class EnrolPersonHandler implements ICommandHandler<EnrolPersonCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly personalData: PersonalData,
    private readonly standings: DirectoryStandings,
    private readonly identities: IdentityLinks,
    private readonly sites: TeamSites,
  ) {}

  /**
   * The identity is claimed while the enrolment is prepared, and before it is appended, so one
   * someone else holds enrols nobody; it is linked in the enrolment's own append.
   */
  async execute({ person, context }: EnrolPersonCommand) {
    const { personId } = person;
    const keys = person.identity ? this.identities.keysOfIdentity(person.identity) : [];
    const [claim, prepared] = await Promise.allSettled([
      this.identities.claim(personId, keys, context),
      this.prepared(person, context.now),
    ]);
    const claimed = claim.status === 'fulfilled' ? claim.value : [];
    try {
      if (claim.status === 'rejected') throw claim.reason;
      if (prepared.status === 'rejected') throw prepared.reason;
      // A new person's stream is new: written without being read first (read only if it exists).
      await this.executor.execute(personStream(personId), personDecider, prepared.value, context, { expectNew: true });
    } catch (error) {
      await this.identities.release(personId, claimed, context);
      throw error;
    }
    await this.standings.changed();
    return { personId };
  }

  /** The team must exist, and its site goes into the enrolment, with when it took effect. */
  private async prepared({ identity, ...person }: Person, now: Date): Promise<PersonCommand> {
    const siteId = await this.sites.siteOf(person.teamId);
    // The first makes the person's key, which the others then read: made concurrently, each would try to.
    const displayName = await this.personalData.encrypt(person.personId, person.displayName);
    const [displayNameKey, linked] = await Promise.all([
      this.personalData.fingerprint(person.personId, person.displayName),
      identity && this.identities.sealed(person.personId, identity),
    ]);
    return { type: 'EnrolPerson', ...person, displayName, displayNameKey, siteId, now, identity: linked };
  }
}
