export * from './config/app-config';
export * from './config/config.module';
export * from './platform.module';
export * from './metrics/metrics';
export * from './redis/redis.module';
export * from './event-store/event-store.module';
export * from './main-runner';
export * from './connections.check';
