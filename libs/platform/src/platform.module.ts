import { Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { Metrics } from './metrics/metrics';

/**
 * What every app needs: validated configuration, structured logs and metrics.
 * Logs never carry credentials or personal data: headers that could are removed.
 */
@Global()
@Module({
  imports: [
    AppConfigModule,
    LoggerModule.forRootAsync({
      imports: [AppConfigModule],
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          redact: {
            paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["idempotency-key"]'],
            remove: true,
          },
          autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
        },
      }),
    }),
  ],
  providers: [Metrics],
  exports: [AppConfigModule, Metrics],
})
export class PlatformModule {}
