import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { CareProcessor, CareReactor, MatchingProcessor, MatchingReactor } from '@frontline/abuse';
import {
  CampaignActivityReader,
  CampaignSchedule,
  CampaignStepRunner,
  CampaignsProcessor,
  CampaignsReactor,
  CampaignsReconciler,
} from '@frontline/campaigns';
import { WebhookDelivery, WebhookPublishingModule, WebhookSubscriptionsReactor } from '@frontline/notifications';
import {
  type AppConfig,
  ConnectionsCheck,
  PlatformModule,
  QueuesModule,
  REACTORS,
  type Reactor,
  ReactorHost,
} from '@frontline/platform';
import { ReadModelsModule } from '@frontline/read-models';
import { WebhooksProcessor } from './webhooks.processor';

/** Reactors turn events into jobs; processors run them, each job's effect an event appended once. */
const reactors: Type<Reactor>[] = [WebhookSubscriptionsReactor, CareReactor, MatchingReactor, CampaignsReactor];

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(config),
        QueuesModule.forRoot(config),
        WebhookPublishingModule,
        // Campaign headlines read the recognition feed.
        ReadModelsModule,
      ],
      providers: [
        ConnectionsCheck,
        ReactorHost,
        WebhookDelivery,
        WebhooksProcessor,
        CareProcessor,
        MatchingProcessor,
        CampaignSchedule,
        CampaignsReconciler,
        CampaignStepRunner,
        CampaignActivityReader,
        CampaignsProcessor,
        ...reactors,
        { provide: REACTORS, useFactory: (...found: unknown[]) => found, inject: reactors },
      ],
    };
  }
}
