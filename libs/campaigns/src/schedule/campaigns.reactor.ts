import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@frontline/event-store';
import type { Reactor } from '@frontline/platform';
import { campaignOfStream } from '../domain/campaign.streams';
import { CampaignSchedule } from './campaign-schedule';

/** Planned: the steps become delayed jobs. Cancelled: the pending ones are removed. */
@Injectable()
export class CampaignsReactor implements Reactor {
  readonly name = 'campaigns';
  readonly eventTypes = ['CampaignPlanned', 'CampaignCancelled'];

  constructor(private readonly schedule: CampaignSchedule) {}

  async react(event: RecordedEvent): Promise<void> {
    await this.schedule.sync(campaignOfStream(event.streamName));
  }
}
