import { Body, Controller, HttpCode, ParseBoolPipe, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { parse } from 'csv-parse/sync';
import { IMPORT_COLUMNS, IMPORT_MAX_ROWS, ImportDirectoryCommand } from '@frontline/directory';
import { type CommandContext, Context, Idempotent, InvalidRequestException, Roles } from '@frontline/platform';
import { ImportOutcomeResponse } from './directory-lists.response.dto';

/** The CSV's rows by column; a file that is not CSV, or names an unknown column, is refused whole. */
function rowsOf(csv: unknown): Record<string, string>[] {
  if (typeof csv !== 'string')
    throw new InvalidRequestException([{ field: 'body', messages: ['a text/csv body is required'] }]);
  try {
    return parse(csv, {
      columns: (header: string[]) => {
        const unknown = header.filter((column) => !(IMPORT_COLUMNS as readonly string[]).includes(column));
        if (unknown.length > 0)
          throw new Error(`unknown columns ${unknown.join(', ')}; the columns are ${IMPORT_COLUMNS.join(', ')}`);
        return header;
      },
      bom: true,
      trim: true,
      skip_empty_lines: true,
      to_line: IMPORT_MAX_ROWS + 2,
      max_record_size: 4_096,
    }) as Record<string, string>[];
  } catch (error) {
    throw new InvalidRequestException([{ field: 'body', messages: [(error as Error).message] }]);
  }
}

@ApiTags('directory')
@ApiBearerAuth()
@Roles('admin')
@Idempotent()
@Controller('v1/directory/imports')
export class DirectoryImportsController {
  constructor(private readonly commands: CommandBus) {}

  /** Every bad row is reported (400, by line and column) and nothing is written unless all are good. */
  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Import teams and people from CSV (dryRun=true checks it and writes nothing)' })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'userName,displayName,team,parentTeam,roles,timezone,externalId' } })
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean })
  @ApiOkResponse({ type: ImportOutcomeResponse })
  import(
    @Body() csv: unknown,
    @Query('dryRun', new ParseBoolPipe({ optional: true })) dryRun: boolean | undefined,
    @Context() context: CommandContext,
  ) {
    return this.commands.execute(new ImportDirectoryCommand(rowsOf(csv), dryRun ?? false, context));
  }
}
