import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, PersonalData } from '@frontline/platform';
import { personStream } from '../domain/directory.streams';
import { personDecider } from '../domain/person.decider';
import { requireTeam } from './create-team.handler';
import { EnrolPersonCommand } from './enrol-person.command';
import { DirectoryStandings } from './directory-standings';

@CommandHandler(EnrolPersonCommand)
export class EnrolPersonHandler implements ICommandHandler<EnrolPersonCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly personalData: PersonalData,
    private readonly standings: DirectoryStandings,
  ) {}

  async execute({ person, context }: EnrolPersonCommand) {
    await requireTeam(this.executor, person.teamId);
    const displayName = await this.personalData.encrypt(person.personId, person.displayName);
    await this.executor.execute(
      personStream(person.personId),
      personDecider,
      { type: 'EnrolPerson', ...person, displayName },
      context,
    );
    await this.standings.changed();
    return { personId: person.personId };
  }
}
