import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, IdempotencyRecords, PersonalData } from '@frontline/platform';
import { personStream } from '../domain/directory.streams';
import { UnknownPersonError, personDecider } from '../domain/person.decider';
import { requireTeam } from './create-team.handler';
import { ChangePersonCommand } from './change-person.command';
import { DirectoryStandings } from './directory-standings';

@CommandHandler(ChangePersonCommand)
export class ChangePersonHandler implements ICommandHandler<ChangePersonCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly personalData: PersonalData,
    private readonly idempotencyRecords: IdempotencyRecords,
    private readonly standings: DirectoryStandings,
  ) {}

  async execute({ change, context }: ChangePersonCommand) {
    const stream = personStream(change.personId);
    if (change.type === 'MovePerson') await requireTeam(this.executor, change.toTeamId);
    if (change.type === 'ErasePersonalData') {
      const { state } = await this.executor.load(stream, personDecider);
      if (state.status === 'none') throw new UnknownPersonError(`Nobody is enrolled as ${change.personId}`);
      // The key goes first: if the append then fails, the data is already unreadable and a retry records it.
      await this.personalData.erase(change.personId);
      // Their requests' records are forgotten too, though they hold only MACs: nothing of them outlives erasure.
      await this.idempotencyRecords.forget(change.personId);
    }
    await this.executor.execute(stream, personDecider, change, context);
    await this.standings.changed();
    return { personId: change.personId };
  }
}
