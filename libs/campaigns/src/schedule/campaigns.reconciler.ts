import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CampaignSchedule } from './campaign-schedule';

/**
 * On worker start, re-creates the jobs of every step not yet recorded by a campaign still
 * running: jobs lost with the queue Redis, or never added because a worker died in between.
 * (If the index went with the queue Redis, the reactor's checkpoint went too, and the reactor
 * replays every CampaignPlanned from the start of the log, which syncs the same way.)
 */
@Injectable()
export class CampaignsReconciler implements OnApplicationBootstrap {
  private readonly logger = new Logger(CampaignsReconciler.name);

  constructor(private readonly schedule: CampaignSchedule) {}

  async onApplicationBootstrap(): Promise<void> {
    const count = await this.schedule.syncAll();
    if (count > 0) this.logger.log(`reconciled the steps of ${count} campaign(s)`);
  }
}
