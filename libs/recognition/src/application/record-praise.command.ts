import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@frontline/platform';
import type { PraiseSource } from '../domain/recognition.vocabulary';

export class RecordPraiseCommand extends Command<{ praiseId: string }> {
  constructor(
    readonly praise: { agentId: string; source: PraiseSource; quote: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
