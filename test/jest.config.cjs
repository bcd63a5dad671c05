/** One configuration for every spec: *.unit.spec.ts, *.int.spec.ts and *.e2e.spec.ts. */
module.exports = {
  rootDir: '..',
  testEnvironment: 'node',
  testRegex: '\\.(unit|int|e2e)\\.spec\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: {
    '^@frontline/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    // The KurrentDB adapter is loaded lazily, by its compiled name; jest reads its source.
    '^\\./kurrentdb-event-store\\.js$': '<rootDir>/libs/event-store/src/kurrentdb/kurrentdb-event-store.ts',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 30_000,
  setupFilesAfterEnv: ['<rootDir>/test/support/matchers.ts'],
  reporters: ['default', '<rootDir>/test/summary.reporter.cjs'],
};
