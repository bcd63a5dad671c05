import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import {
  type AppConfig,
  AuthGuard,
  Authentication,
  PersonalWriteThrottler,
  PlatformModule,
  QueuesModule,
  ProblemDetailsFilter,
  TokenVerifier,
  WriteThrottlerGuard,
  createValidationPipe,
} from '@frontline/platform';
import { AbuseHttpModule } from './abuse/abuse.http.module';
import { CampaignsHttpModule } from './campaigns/campaigns.http.module';
import { DirectoryHttpModule } from './directory/directory.http.module';
import { NotificationsHttpModule } from './notifications/notifications.http.module';
import { RecognitionHttpModule } from './recognition/recognition.http.module';
import { WellbeingHttpModule } from './wellbeing/wellbeing.http.module';
import { InboxHttpModule } from './inbox/inbox.http.module';
import { ScimHttpModule } from './scim/scim.http.module';
import { DevTokensController } from './ops/dev-tokens.http.controller';
import { HealthController } from './ops/health.http.controller';
import { MetricsController } from './ops/metrics.http.controller';
import { ProjectionsController } from './ops/projections.http.controller';
import { QueuesBoardModules } from './ops/queues-board';
import { ReadModelsModule } from '@frontline/read-models';
import { DirectoryModule } from '@frontline/directory';
import { WebhookPublishingModule } from '@frontline/notifications';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(config),
        CqrsModule.forRoot(),
        TerminusModule,
        ReadModelsModule,
        QueuesModule.forRoot(config),
        ...QueuesBoardModules,
        // Exports the directory's access port, which authentication reads on every request.
        DirectoryModule,
        DirectoryHttpModule,
        ScimHttpModule,
        AbuseHttpModule,
        RecognitionHttpModule,
        WellbeingHttpModule,
        CampaignsHttpModule,
        InboxHttpModule,
        NotificationsHttpModule,
        WebhookPublishingModule,
        ThrottlerModule.forRoot([{ name: 'writes', ttl: 60_000, limit: config.WRITE_RATE_LIMIT_PER_MINUTE }]),
      ],
      controllers: [
        HealthController,
        MetricsController,
        ProjectionsController,
        // The dev token endpoint does not exist at all outside development.
        ...(config.FRONTLINE_ENV === 'development' ? [DevTokensController] : []),
      ],
      providers: [
        TokenVerifier,
        Authentication,
        PersonalWriteThrottler,
        // Guards run in this order: who you are, then how fast you write.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: WriteThrottlerGuard },
        // Idempotency-Key memory is bound per controller (@Idempotent()), not to every route.
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
