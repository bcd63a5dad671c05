import { type DynamicModule, Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { EventStoreModule } from './event-store/event-store.module';
import { Metrics } from './metrics/metrics';
import { CommandExecutor } from './commands/command-executor';
import { PersonalData } from './privacy/personal-data';
import { IdempotencyRecords } from './http/idempotency-records';
import { PostgresModule } from './postgres/postgres.module';
import { RedisModule } from './redis/redis.module';
import { Clock, systemClock } from './clock';

/**
 * What every app needs: its validated configuration, structured logs, metrics, the event
 * store, PostgreSQL and the read-model Redis. Logs never carry credentials or personal
 * data: headers that could are removed, and bodies are not logged.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            redact: {
              paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["idempotency-key"]'],
              remove: true,
            },
          },
          // No pino-http middleware: the api logs each response from a Fastify hook, which costs
          // nothing per request below LOG_LEVEL=info (the middleware never matched under Fastify).
          forRoutes: [],
        }),
        EventStoreModule,
        PostgresModule,
        RedisModule,
      ],
      providers: [
        Metrics,
        CommandExecutor,
        PersonalData,
        IdempotencyRecords,
        { provide: Clock, useValue: systemClock },
      ],
      exports: [
        AppConfigModule,
        Metrics,
        CommandExecutor,
        PersonalData,
        IdempotencyRecords,
        Clock,
        EventStoreModule,
        PostgresModule,
        RedisModule,
      ],
    };
  }
}
