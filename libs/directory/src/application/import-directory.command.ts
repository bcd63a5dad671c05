import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@frontline/platform';

/** What an import did, or in a dry run would do. */
export interface ImportOutcome {
  dryRun: boolean;
  teams: { created: number; existing: number };
  people: { enrolled: number; updated: number };
}

/** The rows of a CSV import of teams and people, by column name. */
export class ImportDirectoryCommand extends Command<ImportOutcome> {
  constructor(
    readonly rows: Record<string, string>[],
    readonly dryRun: boolean,
    readonly context: CommandContext,
  ) {
    super();
  }
}
