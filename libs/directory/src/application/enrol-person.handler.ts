import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, PersonalData } from '@frontline/platform';
import { personStream } from '../domain/directory.streams';
import { personDecider } from '../domain/person.decider';
import { EnrolPersonCommand } from './enrol-person.command';
import { DirectoryStandings } from './directory-standings';
import { TeamSites } from './team-sites';

@CommandHandler(EnrolPersonCommand)
export class EnrolPersonHandler implements ICommandHandler<EnrolPersonCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly personalData: PersonalData,
    private readonly standings: DirectoryStandings,
    private readonly sites: TeamSites,
  ) {}

  async execute({ person, context }: EnrolPersonCommand) {
    // The team must exist, and its site goes into the enrolment.
    const siteId = await this.sites.siteOf(person.teamId);
    const displayName = await this.personalData.encrypt(person.personId, person.displayName);
    await this.executor.execute(
      personStream(person.personId),
      personDecider,
      { type: 'EnrolPerson', ...person, displayName, siteId, now: context.now },
      context,
    );
    await this.standings.changed();
    return { personId: person.personId };
  }
}
