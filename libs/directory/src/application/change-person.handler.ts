import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, IdempotencyRecords, PersonalData } from '@frontline/platform';
import { personStream } from '../domain/directory.streams';
import { type PersonCommand, type PersonState, UnknownPersonError, personDecider } from '../domain/person.decider';
import { ChangePersonCommand } from './change-person.command';
import { DirectoryStandings } from './directory-standings';
import { IdentityLinks } from './identity-links';
import { TeamSites } from './team-sites';

type DecidedChange = Exclude<ChangePersonCommand['change'], { type: 'LinkIdentity' | 'UnlinkIdentity' }>;

@CommandHandler(ChangePersonCommand)
export class ChangePersonHandler implements ICommandHandler<ChangePersonCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly personalData: PersonalData,
    private readonly idempotencyRecords: IdempotencyRecords,
    private readonly standings: DirectoryStandings,
    private readonly identities: IdentityLinks,
    private readonly sites: TeamSites,
  ) {}

  async execute({ change, context }: ChangePersonCommand) {
    const { personId } = change;
    if (change.type === 'LinkIdentity') await this.identities.link(personId, change.identity, context);
    else if (change.type === 'UnlinkIdentity') await this.identities.unlink(personId, context);
    else {
      const stream = personStream(personId);
      const loaded = await this.executor.load(stream, personDecider);
      const command = await this.decision(change, loaded.state, context.now);
      await this.executor.execute(stream, personDecider, command, context, { loaded });
    }
    await this.standings.changed();
    return { personId };
  }

  /** The command for the decider, once what it needs from elsewhere is there. */
  private async decision(change: DecidedChange, state: PersonState, now: Date): Promise<PersonCommand> {
    const { personId } = change;
    if (change.type === 'RenamePerson') {
      const [displayName, displayNameKey] = await Promise.all([
        this.personalData.encrypt(personId, change.displayName),
        this.personalData.fingerprint(personId, change.displayName),
      ]);
      return { type: 'RenamePerson', personId, displayName, displayNameKey };
    }
    if (change.type === 'ChangeRoles') return change;
    if (change.type === 'ErasePersonalData') {
      if (state.status === 'none') throw new UnknownPersonError(`Nobody is enrolled as ${personId}`);
      // The key goes first: if the append then fails, the data is already unreadable and a retry records it.
      await this.personalData.erase(personId);
      // Their requests' records are forgotten too, though they hold only MACs: nothing of them outlives erasure.
      await this.idempotencyRecords.forget(personId);
      return { type: 'ErasePersonalData', personId };
    }
    return this.withSites(change, state, now);
  }

  /**
   * A move, an offboarding or a reinstatement records the sites and the moment; the site of the
   * team they are in is looked up only if their events lack it.
   */
  private async withSites(
    change: Exclude<DecidedChange, { type: 'RenamePerson' | 'ChangeRoles' }>,
    state: PersonState,
    now: Date,
  ): Promise<PersonCommand> {
    const { personId } = change;
    // Checked first, so that an unknown team is refused before anything else.
    const to =
      'toTeamId' in change
        ? { toTeamId: change.toTeamId, toSiteId: await this.sites.siteOf(change.toTeamId) }
        : undefined;
    const lacking = state.status !== 'none' && !state.siteId;
    const current = lacking ? { currentSiteId: await this.sites.siteOf(state.teamId) } : {};
    if (to) return { type: 'MovePerson', personId, ...to, ...current, now };
    return change.type === 'ReinstatePerson'
      ? { type: 'ReinstatePerson', personId, ...current, now }
      : { type: 'OffboardPerson', personId, ...current, now };
  }
}
