import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@frontline/platform';
import type { IncidentLifecycleCommand } from '../domain/incident.decider';

type Change<C> = C extends IncidentLifecycleCommand ? Omit<C, 'by' | 'now'> : never;

/** Everything that happens to an incident after its report: care, the agent's choices, closing. */
export class ChangeIncidentCommand extends Command<{ incidentId: string; status: string }> {
  constructor(
    readonly change: Change<IncidentLifecycleCommand>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
