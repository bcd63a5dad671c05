import { encodeLogPosition } from '@frontline/event-store';
import { MalformedLastEventIdError, formatEventId, isAfter, parseEventId } from './live-ids';

describe('live event ids', () => {
  const p = (n: number) => encodeLogPosition('pg', BigInt(n), BigInt(n));

  it('come back as the cursor they were made of, one position per source', () => {
    const cursor = new Map([
      ['kudos', { position: p(42) }],
      ['inbox', { position: p(40), n: 2 }],
    ]);
    const id = formatEventId(cursor);

    expect(id).toBe(`kudos=${p(42)},inbox=${p(40)}.2`);
    expect(parseEventId(id, ['kudos', 'inbox'])).toEqual(cursor);
  });

  it('order by log position, then by the item of one event; a whole position comes after each of its items', () => {
    expect(isAfter({ position: p(2) }, { position: p(1) })).toBe(true);
    expect(isAfter({ position: p(1), n: 5 }, { position: p(2), n: 0 })).toBe(false);
    expect(isAfter({ position: p(1), n: 1 }, { position: p(1), n: 0 })).toBe(true);
    expect(isAfter({ position: p(1) }, { position: p(1), n: 7 })).toBe(true);
    expect(isAfter({ position: p(1), n: 7 }, { position: p(1) })).toBe(false);
    expect(isAfter({ position: p(1) }, { position: p(1) })).toBe(false);
    // Zero-padded parts sort as strings in log order, past a power of ten too.
    expect(isAfter({ position: p(10) }, { position: p(9) })).toBe(true);
  });

  it.each([
    ['anything', 'yesterday'],
    ['a number', '42'],
    ['a position without its source', p(1)],
    ['a source this stream does not have', `inbox=${p(1)}`],
    ['a source twice', `kudos=${p(1)},kudos=${p(2)}`],
    ['an item number that is not one', `kudos=${p(1)}.x`],
    ['a position cut short', 'kudos=pg:0042'],
    ['something too long', `kudos=${p(1)},`.repeat(20)],
  ])('refuse %s', (_, text) => {
    expect(() => parseEventId(text, ['kudos'])).toThrow(MalformedLastEventIdError);
  });
});
