import { LinearSpan, type SparseRow } from './linear-span';

/** Why a cell is left out of every answer. */
export type SuppressionReason =
  /** It is about fewer than PRIVACY_MIN_GROUP people. */
  | 'too-few-people'
  /** Showing it would let another hidden cell be worked out from what is shown. */
  | 'protects-another-cell'
  /** Its period has not ended: its numbers would move with every new event, and two looks would differ by a few people. */
  | 'period-open';

/** What was decided before, in an earlier step of the same month: it stands. */
export interface EarlierDecisions {
  /** Periods that have not ended: every cell of them is hidden, zeros too. */
  open: ReadonlySet<string>;
  /** Cells already shown: they cannot be hidden to protect another. */
  shown: ReadonlySet<string>;
  /** Cells already hidden: they stay hidden. */
  hidden: ReadonlyMap<string, SuppressionReason>;
}

const NOTHING_DECIDED: EarlierDecisions = { open: new Set(), shown: new Set(), hidden: new Map() };

/** A value as an answer gives it: `null` with `suppressed: true` and the reason when it may not be shown. */
export type Suppressible<T> =
  { value: T; suppressed: false } | { value: null; suppressed: true; reason: SuppressionReason };

export function reveal<T>(value: T, hidden: SuppressionReason | undefined): Suppressible<T> {
  return hidden ? { value: null, suppressed: true, reason: hidden } : { value, suppressed: false };
}

/** A total and the groups that partition it: the org and its sites (or channels, kinds…), or a site and its teams. */
export interface Breakdown {
  readonly total: string;
  readonly parts: readonly string[];
}

/**
 * One figure of one dashboard over one month, as every answer HR can ask for may show it: the
 * organisation (`org`) and each group of each breakdown, by week and for the whole month. A month
 * is made of whole ISO weeks and each breakdown partitions its total, so the table's margins are
 * sums: a total = Σ its parts, in every period, and a month = Σ its weeks, in every row.
 */
export interface MonthTable {
  weeks: readonly string[];
  month: string;
  /** `org` into `site:s1`…, `org` into `channel:phone`…, `site:s1` into `team:t1`… */
  breakdowns: readonly Breakdown[];
  /** Distinct people behind a cell; 0 for a cell with nothing in it (shown as 0: it is about nobody). */
  people(group: string, period: string): number;
}

export const ORG = 'org';

export const cellId = (group: string, period: string) => `${group}|${period}`;

/**
 * Which cells of a month no answer may show, decided once for the whole month, whatever the
 * interval, grouping or range asked: every cell about 1 to `minGroup` − 1 people, and then enough
 * other cells that none of them can be worked out from the shown ones.
 *
 * For one grouping the shown cells fix exactly the hidden cells that are bridges of the graph whose
 * vertices are the table's rows and columns and whose edges are the hidden cells (a hidden cell on
 * a cycle can move by +1/−1 around the cycle without changing any margin). So while some hidden
 * cell is a bridge, the cheapest rectangle of cells through it is hidden too, which puts it on a
 * cycle; the org row is shared by every grouping, so this runs until no grouping has a bridge.
 * The property test in `suppression.unit.spec.ts` checks the result with exact linear algebra.
 *
 * Weeks are shown as they end, before their month has: `earlier` holds what the month's earlier
 * weeks showed and hid, which stands, so that the answers of every week put together stay safe.
 */
export function suppressMonth(
  table: MonthTable,
  minGroup: number,
  earlier: EarlierDecisions = NOTHING_DECIDED,
): Map<string, SuppressionReason> {
  // A total of one part, found in no other breakdown, is that part (a site of one team): decided
  // once for both, the work halves.
  const rows = table.breakdowns.flatMap(({ total, parts }) => [total, ...parts]);
  const once = (row: string) => rows.indexOf(row) === rows.lastIndexOf(row);
  const sameAs = new Map(
    table.breakdowns
      .filter(({ parts }) => parts.length === 1 && once(parts[0]))
      .map(({ total, parts }) => [parts[0], total]),
  );
  if (sameAs.size === 0) return suppressDistinct(table, minGroup, earlier);
  const hidden = suppressDistinct(
    { ...table, breakdowns: table.breakdowns.filter(({ parts }) => !(parts.length === 1 && sameAs.has(parts[0]))) },
    minGroup,
    earlier,
  );
  for (const [part, total] of sameAs) {
    for (const period of [...table.weeks, table.month]) {
      const reason = hidden.get(cellId(total, period));
      if (reason) hidden.set(cellId(part, period), reason);
    }
  }
  return hidden;
}

function suppressDistinct(
  table: MonthTable,
  minGroup: number,
  earlier: EarlierDecisions,
): Map<string, SuppressionReason> {
  const periods = [...table.weeks, table.month];
  const rowsOf = rowsOfTable(table);
  const hidden = new Map(earlier.hidden);
  for (const row of new Set(rowsOf.flat())) {
    for (const period of periods) {
      const id = cellId(row, period);
      const people = table.people(row, period);
      if (earlier.open.has(period)) hidden.set(id, 'period-open');
      else if (people > 0 && people < minGroup) hidden.set(id, 'too-few-people');
    }
  }
  const frozen = earlier.shown;
  const hide = (cells: string[]) =>
    cells.forEach((cell) => hidden.has(cell) || hidden.set(cell, 'protects-another-cell'));
  // The cheapest rectangle through a cell in any of these groupings, or failing one, every cell
  // still undecided in its row and column.
  const protect = (edge: Edge, groupings: string[][]) => {
    const rectangles = groupings.flatMap((rows) => cheapestRectangle(edge, rows, periods, table, hidden, frozen) ?? []);
    const cheapest = rectangles.sort((a, b) => a.cost - b.cost)[0];
    if (cheapest) return hide(cheapest.cells);
    const [row, period] = edge;
    const undecided = [...new Set(groupings.flat())]
      .flatMap((r) => periods.map((p) => [r, p] as Edge))
      .filter(([r, p]) => (r === row || p === period) && table.people(r, p) > 0 && !frozen.has(cellId(r, p)))
      .map(([r, p]) => cellId(r, p))
      .filter((id) => !hidden.has(id));
    // Fail closed: an answer that cannot be made safe is not given.
    if (undecided.length === 0) throw new Error(`No cells can protect ${cellId(row, period)}`);
    hide(undecided);
  };
  for (;;) {
    for (let changed = true; changed;) {
      changed = false;
      for (const rows of rowsOf) {
        for (let bridge = firstBridge(rows, periods, hidden); bridge; bridge = firstBridge(rows, periods, hidden)) {
          protect(bridge, [rows]);
          changed = true;
        }
      }
    }
    // Breakdowns share rows (the org, a site), so several of them together can still pin a cell no
    // single one does; one breakdown alone pins exactly its bridges, which are protected by now.
    if (rowsOf.length === 1) break;
    const pinned = determinedCells(rowsOf, periods, table.month, hidden, earlier.open);
    if (pinned.length === 0) break;
    protect(
      pinned[0],
      rowsOf.filter((rows) => rows.includes(pinned[0][0])),
    );
  }
  return hidden;
}

/** Each breakdown's rows, its total first; without groups, the org row is its own table (its only margin is the month). */
export function rowsOfTable(table: MonthTable): string[][] {
  return table.breakdowns.length > 0 ? table.breakdowns.map(({ total, parts }) => [total, ...parts]) : [[ORG]];
}

type Edge = [row: string, period: string];

/** A hidden cell that no cycle of hidden cells goes through (Tarjan's bridges), or none. */
function firstBridge(rows: readonly string[], periods: readonly string[], hidden: Map<string, unknown>): Edge | null {
  if (rows.length === 1) {
    // A lone row has no column margins: only a row with exactly one hidden cell gives it away.
    const inRow = periods.filter((period) => hidden.has(cellId(rows[0], period)));
    return inRow.length === 1 ? [rows[0], inRow[0]] : null;
  }
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
  for (const row of rows) {
    for (const period of periods) {
      if (!hidden.has(cellId(row, period))) continue;
      link(`r:${row}`, `p:${period}`);
      link(`p:${period}`, `r:${row}`);
    }
  }
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  let found: Edge | null = null;
  const visit = (vertex: string, parent: string | null) => {
    order.set(vertex, order.size);
    low.set(vertex, order.get(vertex)!);
    for (const next of neighbours.get(vertex) ?? []) {
      if (found) return;
      if (next === parent) continue;
      if (order.has(next)) {
        low.set(vertex, Math.min(low.get(vertex)!, order.get(next)!));
        continue;
      }
      visit(next, vertex);
      if (found) return; // the search below was cut short: its low values are not final
      low.set(vertex, Math.min(low.get(vertex)!, low.get(next)!));
      if (low.get(next)! > order.get(vertex)!) {
        const [a, b] = [vertex, next].sort(); // 'p:…' before 'r:…'
        found = [b.slice(2), a.slice(2)];
      }
    }
  };
  for (const vertex of [...neighbours.keys()].sort()) {
    if (!order.has(vertex) && !found) visit(vertex, null);
  }
  return found;
}

/**
 * The other three corners of a rectangle through a hidden cell, not all hidden yet, that cost the
 * fewest people to hide. A corner with nothing in it cannot be hidden (it is a known zero), nor can
 * one already shown; one always exists while the month column is undecided: the org row and the
 * month column hold everything their cells hold.
 */
function cheapestRectangle(
  [row, period]: Edge,
  rows: readonly string[],
  periods: readonly string[],
  table: MonthTable,
  hidden: Map<string, unknown>,
  frozen: ReadonlySet<string>,
): { cells: string[]; cost: number } | undefined {
  let best: { cells: string[]; cost: number } | undefined;
  for (const otherRow of rows.length === 1 ? rows : rows.filter((other) => other !== row)) {
    for (const otherPeriod of periods) {
      if (otherPeriod === period) continue;
      // A lone row is protected by a second cell of its own.
      const corners: Edge[] =
        rows.length === 1
          ? [[row, otherPeriod]]
          : [
              [row, otherPeriod],
              [otherRow, period],
              [otherRow, otherPeriod],
            ];
      if (corners.every(([r, p]) => hidden.has(cellId(r, p)))) continue;
      let cost = 0;
      for (const [r, p] of corners) {
        if (hidden.has(cellId(r, p))) continue;
        const people = table.people(r, p);
        cost = people === 0 || frozen.has(cellId(r, p)) ? Infinity : cost + people;
      }
      if (cost < (best?.cost ?? Infinity)) best = { cells: corners.map(([r, p]) => cellId(r, p)), cost };
    }
  }
  return best;
}

/**
 * The hidden cells that the table's margins, across every breakdown at once, fix exactly: a cell is
 * fixed when its unit vector lies in the span of the margin equations restricted to hidden cells
 * (the shown cells are constants).
 *
 * While the month is open its cells, and those of the open weeks, are unknowns that absorb every
 * row's sum: any values of the ended weeks that keep each column's sums extend to a whole table
 * (open weeks at zero, each month cell its row's sum). So only the ended weeks' column sums
 * constrain anything, one small system per week, until the month ends and the whole table counts.
 */
function determinedCells(
  rowsOf: readonly (readonly string[])[],
  periods: readonly string[],
  month: string,
  hidden: Map<string, unknown>,
  open: ReadonlySet<string>,
): Edge[] {
  if (open.has(month)) {
    return periods
      .filter((period) => !open.has(period))
      .flatMap((period) => fixedCells(rowsOf, [period], month, hidden, { rowSums: false }));
  }
  return fixedCells(rowsOf, periods, month, hidden, { rowSums: true });
}

function fixedCells(
  rowsOf: readonly (readonly string[])[],
  periods: readonly string[],
  month: string,
  hidden: Map<string, unknown>,
  { rowSums }: { rowSums: boolean },
): Edge[] {
  const unknowns = new Map<string, number>();
  const equation = (terms: [cell: string, sign: bigint][]) => {
    const row: SparseRow = new Map();
    for (const [cell, sign] of terms) {
      if (!hidden.has(cell)) continue;
      if (!unknowns.has(cell)) unknowns.set(cell, unknowns.size);
      row.set(unknowns.get(cell)!, sign);
    }
    return row;
  };
  const span = new LinearSpan();
  for (const [total, ...parts] of rowsOf) {
    // A breakdown's parts add up to its total in every period…
    if (parts.length > 0) {
      for (const period of periods) {
        span.add(
          equation([
            [cellId(total, period), -1n],
            ...parts.map((part): [string, bigint] => [cellId(part, period), 1n]),
          ]),
        );
      }
    }
    // …and every row's weeks add up to its month.
    if (!rowSums) continue;
    for (const row of [total, ...parts]) {
      span.add(equation(periods.map((period) => [cellId(row, period), period === month ? -1n : 1n])));
    }
  }
  return [...unknowns]
    .filter(([, column]) => span.reduce(new Map([[column, 1n]])).size === 0)
    .map(([cell]) => cell.split('|') as Edge);
}
