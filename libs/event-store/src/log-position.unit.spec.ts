import { ForeignLogPositionError, decodeLogPosition, encodeLogPosition } from './log-position';

describe('log positions', () => {
  it('say which store wrote them, and those of one store sort as strings in log order', () => {
    const positions = [
      [1n, 9n],
      [2n, 1n],
      [10n, 0n],
      [2n ** 64n - 2n, 3n],
    ].map((parts) => encodeLogPosition('kdb', ...parts));

    expect(positions[0]).toBe('kdb:00000000000000000001-00000000000000000009');
    expect([...positions].sort()).toEqual(positions);
    expect(positions.map((position) => decodeLogPosition(position, 'kdb', 2))).toEqual([
      [1n, 9n],
      [2n, 1n],
      [10n, 0n],
      [2n ** 64n - 2n, 3n],
    ]);
  });

  it("refuses another store's position with a message that names both stores and the way out", () => {
    const written = encodeLogPosition('pg', 5n, 7n);

    expect(() => decodeLogPosition(written, 'kdb', 2)).toThrow(ForeignLogPositionError);
    expect(() => decodeLogPosition(written, 'kdb', 2)).toThrow(
      /written by the PostgreSQL event store, not the KurrentDB one in use: rebuild the read models/,
    );
  });

  it("reads a position from before the prefix as the configured store's own, so an upgrade keeps its checkpoints", () => {
    const legacy = '00000000000000000005-00000000000000000007' as Parameters<typeof decodeLogPosition>[0];

    expect(decodeLogPosition(legacy, 'pg', 2)).toEqual([5n, 7n]);
    // A legacy checkpoint sorts before every prefixed position, so events after it still count as new.
    expect(legacy < encodeLogPosition('pg', 0n, 0n)).toBe(true);
  });
});
