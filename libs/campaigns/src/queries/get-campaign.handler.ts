import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@frontline/decider';
import { EVENT_STORE, type EventStore } from '@frontline/event-store';
import { hasRole } from '@frontline/platform';
import { ReadModels } from '@frontline/read-models';
import { headlineKudos } from '../application/campaign-headlines';
import type { CampaignEvent, CampaignPlanned } from '../domain/campaign.events';
import { campaignStream } from '../domain/campaign.streams';
import { campaignDecider } from '../domain/campaign.decider';
import { type CampaignView, GetCampaignQuery } from './get-campaign.query';

/** Answered from the campaign's stream, so it is never behind its last step; headlines from the recognition feed. */
@QueryHandler(GetCampaignQuery)
export class GetCampaignHandler implements IQueryHandler<GetCampaignQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
  ) {}

  async execute({ viewer, campaignId }: GetCampaignQuery): Promise<CampaignView> {
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
