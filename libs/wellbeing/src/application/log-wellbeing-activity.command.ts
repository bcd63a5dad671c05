import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@frontline/platform';
import type { WellbeingKind } from '../domain/wellbeing.events';

/** Always for the actor: there is no field to name someone else. */
export class LogWellbeingActivityCommand extends Command<{ activityId: string }> {
  constructor(
    readonly activity: {
      activityId: string;
      kind: WellbeingKind;
      minutes: number;
      occurredOn: string;
      campaignId?: string;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}
