import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@frontline/platform';
import { abuseIncidentStream } from '../domain/abuse.streams';
import { type IncidentLifecycleCommand, incidentDecider } from '../domain/incident.decider';
import { ChangeIncidentCommand } from './change-incident.command';

@CommandHandler(ChangeIncidentCommand)
export class ChangeIncidentHandler implements ICommandHandler<ChangeIncidentCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ change, context }: ChangeIncidentCommand) {
    const command = { ...change, by: context.actor, now: context.now } as IncidentLifecycleCommand;
    const { state } = await this.executor.execute(
      abuseIncidentStream(change.incidentId),
      incidentDecider,
      command,
      context,
    );
    return { incidentId: change.incidentId, status: state.status };
  }
}
