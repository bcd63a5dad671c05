import fc from 'fast-check';
import { LinearSpan, type SparseRow } from './linear-span';

const row = (...values: number[]): SparseRow =>
  new Map(values.flatMap((value, column) => (value === 0 ? [] : [[column, BigInt(value)]])));

describe('LinearSpan', () => {
  it('finds a row that is a rational combination of others', () => {
    const span = new LinearSpan();
    span.add(row(1, 1, 0));
    span.add(row(0, 2, 1));
    // (1,1,0)·2 − (0,2,1) = (2,0,−1)
    expect(span.reduce(row(2, 0, -1)).size).toBe(0);
    expect(span.reduce(row(0, 0, 1)).size).toBeGreaterThan(0);
  });

  it('says a row is in the span exactly when adding it keeps the rank', () => {
    const vector = fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 5, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(vector, { maxLength: 6 }), vector, (rows, candidate) => {
        const span = new LinearSpan();
        rows.forEach((r) => span.add(row(...r)));
        // Any sum of added rows is in the span; the candidate is in it iff it adds nothing.
        const sum = rows.reduce((acc, r) => acc.map((v, i) => v + 3 * r[i]), [0, 0, 0, 0, 0]);
        expect(span.reduce(row(...sum)).size).toBe(0);
        const before = span.rank;
        const inSpan = span.reduce(row(...candidate)).size === 0;
        span.add(row(...candidate));
        expect(span.rank === before).toBe(inSpan);
      }),
    );
  });
});
