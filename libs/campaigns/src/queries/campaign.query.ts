import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@frontline/decider';
import { EVENT_STORE, type EventStore } from '@frontline/event-store';
import { type Actor, hasRole } from '@frontline/platform';
import { ReadModels } from '@frontline/read-models';
import { headlineKudos } from '../application/campaign-headlines';
import type { CampaignEvent, CampaignPlanned } from '../domain/campaign.events';
import { campaignStream } from '../domain/campaign.streams';
import { campaignDecider } from '../domain/campaign.decider';

/**
 * One campaign, from its stream: the programme, its status, each step with when it ran, the
 * headlines (from the recognition feed) and the summary. HR and admins see any campaign;
 * anyone else a campaign in progress. Badges show how many people earned them, not who.
 */
@Injectable()
export class CampaignQuery {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
  ) {}

  async of(viewer: Actor, campaignId: string) {
    const recorded = await this.store.readStream(campaignStream(campaignId));
    const events = recorded as unknown as CampaignEvent[];
    const state = events.reduce(campaignDecider.evolve, campaignDecider.initialState());
    if (state.status === 'none') throw new NotFoundError(`No campaign ${campaignId}`);
    if (!hasRole(viewer, 'hr', 'admin') && state.status !== 'in_progress') {
      throw new NotFoundError(`No campaign ${campaignId} in progress`);
    }
    const { data: plan } = events[0] as CampaignPlanned;
    const ranAt = new Map(
      recorded
        .filter((e) => (e.data as { step?: string }).step)
        .map((e) => [(e.data as { step: string }).step, e.recordedAt]),
    );
    const headlines = await Promise.all(
      events.flatMap((event) =>
        event.type === 'HeadlinesPublished'
          ? [headlineKudos(this.readModels, event.data.kudosIds).then((kudos) => ({ day: event.data.day, kudos }))]
          : [],
      ),
    );
    const closed = events.find((event) => event.type === 'CampaignClosed');
    return {
      campaignId,
      kind: plan.kind,
      name: plan.name,
      timezone: plan.timezone,
      audience: plan.audience,
      days: plan.days,
      status: state.status,
      steps: plan.steps.map(({ step, at }) => ({ step, at, ranAt: ranAt.get(step)?.toISOString() ?? null })),
      headlines,
      badges: events.flatMap((event) =>
        event.type === 'BadgeAwarded' ? [{ badge: event.data.badge, people: event.data.personIds.length }] : [],
      ),
      summary: closed?.type === 'CampaignClosed' ? closed.data.summary : null,
    };
  }
}
