/** A row of integer coefficients by column; absent columns are zero. */
export type SparseRow = Map<number, bigint>;

/**
 * The rational span of integer rows, kept in echelon form (each row with its own pivot column) and
 * computed exactly: fraction-free elimination over BigInt, so no rounding can hide a dependency.
 */
export class LinearSpan {
  private readonly pivots = new Map<number, SparseRow>();

  get rank(): number {
    return this.pivots.size;
  }

  add(row: SparseRow): void {
    const reduced = this.reduce(row);
    if (reduced.size > 0) this.pivots.set(Math.min(...reduced.keys()), reduced);
  }

  /** What is left of a row once every pivot it holds is eliminated: empty when it is in the span. */
  reduce(row: SparseRow): SparseRow {
    let current = new Map(row);
    // In the order rows were added: a row holds no pivot of an earlier row, so one pass clears them all.
    for (const [pivot, base] of this.pivots) {
      const b = current.get(pivot);
      if (b === undefined) continue;
      const a = base.get(pivot)!;
      // current·a − base·b clears the pivot and stays integral.
      const next: SparseRow = new Map();
      for (const column of new Set([...current.keys(), ...base.keys()])) {
        const value = (current.get(column) ?? 0n) * a - (base.get(column) ?? 0n) * b;
        if (value !== 0n) next.set(column, value);
      }
      current = normalised(next);
    }
    return current;
  }
}

function normalised(row: SparseRow): SparseRow {
  let divisor = 0n;
  for (const value of row.values()) divisor = gcd(divisor, value < 0n ? -value : value);
  if (divisor <= 1n) return row;
  return new Map([...row].map(([column, value]) => [column, value / divisor]));
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
