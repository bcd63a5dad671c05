import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, IdempotencyRecords, PersonalData } from '@frontline/platform';
import { personStream } from '../domain/directory.streams';
import { type PersonCommand, type PersonState, UnknownPersonError, personDecider } from '../domain/person.decider';
import { ChangePersonCommand } from './change-person.command';
import { DirectoryStandings } from './directory-standings';
import { TeamSites } from './team-sites';

@CommandHandler(ChangePersonCommand)
export class ChangePersonHandler implements ICommandHandler<ChangePersonCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly personalData: PersonalData,
    private readonly idempotencyRecords: IdempotencyRecords,
    private readonly standings: DirectoryStandings,
    private readonly sites: TeamSites,
  ) {}

  async execute({ change, context }: ChangePersonCommand) {
    const stream = personStream(change.personId);
    const loaded = await this.executor.load(stream, personDecider);
    if (change.type === 'ErasePersonalData') {
      if (loaded.state.status === 'none') throw new UnknownPersonError(`Nobody is enrolled as ${change.personId}`);
      // The key goes first: if the append then fails, the data is already unreadable and a retry records it.
      await this.personalData.erase(change.personId);
      // Their requests' records are forgotten too, though they hold only MACs: nothing of them outlives erasure.
      await this.idempotencyRecords.forget(change.personId);
    }
    const command = await this.withSites(change, loaded.state, context.now);
    await this.executor.execute(stream, personDecider, command, context, { loaded });
    await this.standings.changed();
    return { personId: change.personId };
  }

  /** A move or an offboarding records the sites and the moment; the site they leave is looked up only if their events lack it. */
  private async withSites(
    change: ChangePersonCommand['change'],
    state: PersonState,
    now: Date,
  ): Promise<PersonCommand> {
    const { personId } = change;
    if (change.type === 'ErasePersonalData') return { type: 'ErasePersonalData', personId };
    // Checked first, so that an unknown team is refused before anything else.
    const to =
      change.type === 'MovePerson'
        ? { toTeamId: change.toTeamId, toSiteId: await this.sites.siteOf(change.toTeamId) }
        : undefined;
    const lacking = state.status !== 'none' && !state.siteId;
    const current = lacking ? { currentSiteId: await this.sites.siteOf(state.teamId) } : {};
    return to
      ? { type: 'MovePerson', personId, ...to, ...current, now }
      : { type: 'OffboardPerson', personId, ...current, now };
  }
}
