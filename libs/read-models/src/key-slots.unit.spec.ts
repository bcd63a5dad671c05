import { hashedPart } from './key-slots';

describe('the part of a key a Redis Cluster hashes', () => {
  it.each([
    ['rm:{recognitionStats.v1}:tally:2026-W02', 'recognitionStats.v1'],
    ['test:ab12:rm:{directory.v3}:team:t1:members', 'directory.v3'],
    ['idempotency:{x}:{y}', 'x'], // the first tag only
    ['rm:generations', 'rm:generations'], // no tag: the whole key
    ['rm:{}:empty', 'rm:{}:empty'], // an empty tag hashes the whole key
    ['rm:{open', 'rm:{open'],
    ['rm:}{a}', 'a'],
  ])('of %s is %s', (key, part) => {
    expect(hashedPart(key)).toBe(part);
  });
});
