import type { Problem } from '../../api/problem';

export interface RefusedRow {
  /** The CSV's line (the header is line 1), or null for a problem of the whole file. */
  line: number | null;
  column: string | null;
  messages: string[];
}

const ROW_FIELD = /^rows\[(\d+)\]\.(\w+)$/;

/** The rows an import refused, by line then column, from the api's 400 (`rows[<line>].<column>`). */
export function refusedRows(problem: Problem): RefusedRow[] {
  return (problem.errors ?? [])
    .map(({ field, messages }) => {
      const match = ROW_FIELD.exec(field);
      return match ? { line: Number(match[1]), column: match[2], messages } : { line: null, column: null, messages };
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
