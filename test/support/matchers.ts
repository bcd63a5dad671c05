import { expect } from '@jest/globals';

expect.extend({
  toBeWithinRange(actual: number, floor: number, ceiling: number) {
    const pass = typeof actual === 'number' && actual >= floor && actual <= ceiling;
    return { pass, message: () => `expected ${actual} ${pass ? 'not ' : ''}to be within ${floor} and ${ceiling}` };
  },
});

declare module 'expect' {
  interface AsymmetricMatchers {
    toBeWithinRange(floor: number, ceiling: number): void;
  }
  interface Matchers<R> {
    toBeWithinRange(floor: number, ceiling: number): R;
  }
}
