import { LinearSpan } from '@frontline/read-models';

/**
 * What someone who collects every released number can work out exactly. Each released or hidden
 * cell is a sum over atoms (the finest facts, e.g. incidents of one team, channel, kinds, severity
 * and week); an attacker knows which atoms each cell sums and the released values. A hidden cell is
 * uniquely determined when its row of atoms is a rational combination of the released rows, once the
 * atoms inside a released zero are known to be zero. Exact: fraction-free elimination over BigInt.
 */
export interface DisclosureCell {
  id: string;
  /** The atoms it sums, each counted this many times (an incident with two kinds counts in both kinds). */
  atoms: ReadonlyMap<string, number>;
  value: number;
}

export function determinedCells(released: readonly DisclosureCell[], hidden: readonly DisclosureCell[]): string[] {
  const zero = new Set(released.filter((cell) => cell.value === 0).flatMap((cell) => [...cell.atoms.keys()]));
  const columns = new Map<string, number>();
  const rowOf = (cell: DisclosureCell) => {
    const row = new Map<number, bigint>();
    for (const [atom, times] of cell.atoms) {
      if (zero.has(atom) || times === 0) continue;
      if (!columns.has(atom)) columns.set(atom, columns.size);
      row.set(columns.get(atom)!, BigInt(times));
    }
    return row;
  };
  const basis = new LinearSpan();
  for (const cell of released) basis.add(rowOf(cell));
  return hidden.filter((cell) => basis.reduce(rowOf(cell)).size === 0).map((cell) => cell.id);
}
