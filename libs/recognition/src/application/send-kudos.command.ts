import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@frontline/platform';
import type { KudosValue, Visibility } from '../domain/recognition.vocabulary';

export class SendKudosCommand extends Command<{ kudosId: string }> {
  constructor(
    readonly kudos: {
      to: string[];
      message: string;
      values: KudosValue[];
      visibility: Visibility;
      campaignId?: string;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}
