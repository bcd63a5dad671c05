expect.extend({
  toBeWithinRange(actual: number, floor: number, ceiling: number) {
    const pass = typeof actual === 'number' && actual >= floor && actual <= ceiling;
    return { pass, message: () => `expected ${actual} ${pass ? 'not ' : ''}to be within ${floor} and ${ceiling}` };
  },
});

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- jest's own typings are a namespace
  namespace jest {
    interface Expect {
      toBeWithinRange(floor: number, ceiling: number): number;
    }
    interface Matchers<R> {
      toBeWithinRange(floor: number, ceiling: number): R;
    }
  }
}

export {};
