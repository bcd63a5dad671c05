import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { fold } from '@frontline/decider';
import { EVENT_STORE, type EventStore } from '@frontline/event-store';
import { QUEUES, QUEUE_REDIS } from '@frontline/platform';
import { campaignDecider } from '../domain/campaign.decider';
import type { CampaignEvent } from '../domain/campaign.events';
import { campaignStream } from '../domain/campaign.streams';

/** One job per step, named by campaign and step, so adding it again (after a crash, on reconcile) adds nothing. */
export const campaignJobId = (campaignId: string, step: string) => `campaign:${campaignId}:${step}`;

export interface CampaignStepJob {
  campaignId: string;
  step: string;
}

/** The campaigns that may still have steps to run, in the queue Redis beside their jobs. */
export const SCHEDULED_CAMPAIGNS = 'campaigns:scheduled';

const STEP_ATTEMPTS = 12;
const STEP_RETRY_DELAY_MS = 250;

/**
 * Brings the queue in line with a campaign's stream: a campaign still running has one delayed
 * job for each step it has not recorded, due at the step's instant; an ended one (closed or
 * cancelled) has none pending and leaves the index.
 */
@Injectable()
export class CampaignSchedule {
  constructor(
    @InjectQueue(QUEUES.campaigns) private readonly queue: Queue<CampaignStepJob>,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(QUEUE_REDIS) private readonly redis: Redis,
  ) {}

  async sync(campaignId: string, now = new Date()): Promise<void> {
    const events = (await this.store.readStream(campaignStream(campaignId))) as unknown as CampaignEvent[];
    const state = fold(campaignDecider, events);
    if (state.status === 'none') return;
    const pending = state.steps.filter(({ step }) => !state.done.has(step));
    if (state.status === 'closed' || state.status === 'cancelled') {
      await Promise.all(pending.map(({ step }) => this.queue.remove(campaignJobId(campaignId, step))));
      await this.redis.srem(SCHEDULED_CAMPAIGNS, campaignId);
      return;
    }
    await this.redis.sadd(SCHEDULED_CAMPAIGNS, campaignId);
    // In programme order: steps due at the same instant then reach the worker in that order.
    await this.queue.addBulk(
      pending.map(({ step, at }) => ({
        name: step,
        data: { campaignId, step },
        opts: {
          jobId: campaignJobId(campaignId, step),
          delay: Math.max(0, Date.parse(at) - now.getTime()),
          attempts: STEP_ATTEMPTS,
          backoff: { type: 'exponential', delay: STEP_RETRY_DELAY_MS },
          // Kept a week, so the reactor or the reconciler adding the step again finds it and adds nothing.
          removeOnComplete: { age: 7 * 24 * 3600 },
          removeOnFail: { age: 30 * 24 * 3600 },
        },
      })),
    );
  }

  /** Every campaign in the index, synced again: what a worker does when it starts. */
  async syncAll(): Promise<number> {
    const campaignIds = await this.redis.smembers(SCHEDULED_CAMPAIGNS);
    for (const campaignId of campaignIds) await this.sync(campaignId);
    return campaignIds.length;
  }
}
