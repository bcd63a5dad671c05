import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { NotFoundError } from '@frontline/decider';
import { QUEUES, WEBHOOK_PUBLISHER, type WebhookPublisher, jobContext } from '@frontline/platform';
import { CampaignStepRunner } from '../application/run-campaign-step';
import { CampaignEndedError, CampaignStepAlreadyRunError } from '../domain/campaign.decider';
import { campaignMessage } from '../domain/campaign-messages';
import type { CampaignStepJob } from './campaign-schedule';

/**
 * Runs a campaign step. Its events carry ids derived from the job id, so a job that runs again
 * appends nothing new and publishes the same webhook messages (same ids) again, which the
 * publisher delivers once. A step the campaign refuses for good (ended, already run) completes
 * without effect; one whose predecessors have not run yet fails and is retried.
 */
@Processor(QUEUES.campaigns)
export class CampaignsProcessor extends WorkerHost {
  constructor(
    private readonly runner: CampaignStepRunner,
    @Inject(WEBHOOK_PUBLISHER) private readonly webhooks: WebhookPublisher,
  ) {
    super();
  }

  async process(job: Job<CampaignStepJob>) {
    const { campaignId, step } = job.data;
    try {
      const events = await this.runner.run(campaignId, step, jobContext(job.id!));
      // Every step is told to the webhooks that follow it; message ids derive from the job id.
      for (const [i, event] of events.entries()) {
        const { text, data } = campaignMessage(event);
        const id = events.length === 1 ? job.id! : `${job.id!}.${i + 1}`;
        await this.webhooks.publish({ id, type: event.type, text, data: { campaignId, step, ...data } });
      }
      return { ran: events.map((event) => event.type) };
    } catch (error) {
      if (error instanceof CampaignEndedError || error instanceof CampaignStepAlreadyRunError) {
        return { skipped: error.code };
      }
      if (error instanceof NotFoundError) return { skipped: error.code };
      throw error;
    }
  }
}
