import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type LogPosition } from '@frontline/event-store';
import type { KudosEvent } from '@frontline/recognition';
import { type WellbeingActivityLogged, personOfWellbeingStream } from '@frontline/wellbeing';
import type { CampaignActivity } from '../domain/campaign-activity';

const PAGE = 500;
const TYPES = new Set(['KudosSent', 'KudosRetracted', 'KudosHidden', 'WellbeingActivityLogged']);

/**
 * What people did during a campaign, read from the log after the campaign was planned (nothing
 * of it can come earlier): every kudos sent between `from` and `to` that is still standing
 * (retracted and hidden ones do not count), and every wellbeing activity logged for the campaign.
 */
@Injectable()
export class CampaignActivityReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async read(campaignId: string, after: LogPosition, from: Date, to: Date): Promise<CampaignActivity> {
    const kudos = new Map<string, CampaignActivity['kudos'][number]>();
    const wellbeing: { personId: string; minutes: number }[] = [];
    for (let position = after; ;) {
      const page = await this.store.readAll({ after: position, maxCount: PAGE });
      for (const recorded of page) {
        if (!TYPES.has(recorded.type)) continue;
        if (recorded.type === 'WellbeingActivityLogged') {
          const { data } = recorded as unknown as WellbeingActivityLogged;
          if (data.campaignId === campaignId) {
            wellbeing.push({ personId: personOfWellbeingStream(recorded.streamName), minutes: data.minutes });
          }
          continue;
        }
        const event = recorded as unknown as KudosEvent;
        if (event.type === 'KudosSent') {
          const sentAt = Date.parse(event.data.sentAt);
          if (sentAt >= from.getTime() && sentAt <= to.getTime()) {
            const { kudosId, fromId, toIds } = event.data;
            kudos.set(kudosId, { kudosId, fromId, toIds });
          }
        } else if (event.type === 'KudosRetracted' || event.type === 'KudosHidden') {
          kudos.delete(event.data.kudosId);
        }
      }
      if (page.length < PAGE) break;
      position = page[page.length - 1].position;
    }
    return { kudos: [...kudos.values()], wellbeing };
  }
}
