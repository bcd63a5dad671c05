import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@frontline/platform';
import type { Channel } from '../domain/abuse.vocabulary';

export interface ContactVolumeRow {
  teamId: string;
  date: string;
  channel: Channel;
  contacts: number;
}

export interface ContactVolumesRecorded {
  recorded: number;
  corrected: number;
  unchanged: number;
}

export class RecordContactVolumesCommand extends Command<ContactVolumesRecorded> {
  constructor(
    readonly rows: ContactVolumeRow[],
    readonly context: CommandContext,
  ) {
    super();
  }
}
