/** Layer rules, checked in `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'Deciders and events stay free of frameworks and drivers, so they are pure and unit-testable.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { path: 'node_modules/(@nestjs/|pg/|pg-|ioredis|bullmq|@kurrent/)' },
    },
    {
      name: 'domain-uses-no-adapters',
      comment: 'The domain knows the event store port, never an adapter.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { path: '^libs/event-store/src/(postgres|kurrentdb|in-memory)/' },
    },
    {
      name: 'domain-uses-only-the-decider-kit',
      comment:
        'A domain folder may import its own context and @frontline/decider, not platform or infrastructure libs.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/domain/' },
      to: {
        path: '^libs/',
        pathNot: ['^libs/$1/src/domain/', '^libs/decider/src/'],
      },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^dist/|\\.spec\\.ts$)' },
  },
};
