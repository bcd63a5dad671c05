export * from './test-database';
export * from './test-config';
export * from './decider-specification';
export * from './projection-testbed';
export * from './event-fixtures';
export * from './history';
export * from './disclosure';
export * from './fake-kurrentdb';
