/** A number about people, by the distinct people it covers. */
export interface Cell {
  id: string;
  people: number;
}

/** A total and the parts that add up to it, as they appear in one answer. */
export interface CellGroup {
  total: string;
  parts: readonly string[];
}

/**
 * Which cells an answer must leave out: every cell about fewer than `minGroup` people
 * (primary suppression), and then, wherever a visible total has exactly one hidden part
 * (which the total minus the visible parts would give away), the smallest visible part as
 * well (complementary suppression), until no group gives a hidden cell away.
 */
export function cellsToSuppress(cells: readonly Cell[], groups: readonly CellGroup[], minGroup: number): Set<string> {
  const people = new Map(cells.map((cell) => [cell.id, cell.people]));
  const hidden = new Set(cells.filter((cell) => cell.people < minGroup).map((cell) => cell.id));
  for (let changed = true; changed;) {
    changed = false;
    for (const { total, parts } of groups) {
      if (hidden.has(total)) continue;
      const hiddenParts = parts.filter((part) => hidden.has(part));
      if (hiddenParts.length !== 1) continue;
      const visible = parts.filter((part) => !hidden.has(part));
      const smallest = visible.sort((a, b) => (people.get(a) ?? 0) - (people.get(b) ?? 0) || a.localeCompare(b))[0];
      // A total whose only part is hidden is that part: hide the total instead.
      hidden.add(smallest ?? total);
      changed = true;
    }
  }
  return hidden;
}

/** A value as an answer gives it: `null` with `suppressed: true` when it covers too few people. */
export type Suppressible<T> = { value: T; suppressed: false } | { value: null; suppressed: true };

export function reveal<T>(value: T, hidden: boolean): Suppressible<T> {
  return hidden ? { value: null, suppressed: true } : { value, suppressed: false };
}
