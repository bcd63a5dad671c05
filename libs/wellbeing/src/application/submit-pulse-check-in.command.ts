import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@frontline/platform';

/** The actor's own pulse for the ISO week of `context.now`. */
export class SubmitPulseCheckInCommand extends Command<{ isoWeek: string }> {
  constructor(
    readonly answers: { mood: number; energy: number; workload: number },
    readonly context: CommandContext,
  ) {
    super();
  }
}
