import { assertNever } from '@frontline/decider';
import type { CampaignStepEvent } from './campaign.events';

/**
 * What each step tells the webhooks: Slack-ready text and the step's facts. Badges and the
 * summary go out as numbers: who earned what stays in the campaign's own page.
 */
export function campaignMessage(event: CampaignStepEvent): { text: string; data: Record<string, unknown> } {
  switch (event.type) {
    case 'CampaignStarted':
      return { text: 'Customer Service Week has started: thank you for everything you do.', data: {} };
    case 'CampaignDayOpened':
      return {
        text: `Day ${event.data.day}: ${event.data.theme}`,
        data: { day: event.data.day, date: event.data.date },
      };
    case 'AnnouncementPublished':
      return { text: event.data.text, data: { day: event.data.day } };
    case 'KudosWallOpened':
      return { text: 'The thank-you wall is open: send kudos to the people who helped you this year.', data: {} };
    case 'HeadlinesPublished':
      return {
        text: `${event.data.day === 'final' ? "This week's" : `Day ${event.data.day}'s`} most-appreciated kudos are in.`,
        data: { day: event.data.day, kudosIds: event.data.kudosIds },
      };
    case 'BadgeAwarded':
      return {
        text: `${event.data.personIds.length} people earned the ${event.data.badge} badge.`,
        data: { badge: event.data.badge, people: event.data.personIds.length },
      };
    case 'CampaignClosed':
      return { text: 'Customer Service Week is over. Thank you, all of you.', data: { summary: event.data.summary } };
    default:
      return assertNever(event);
  }
}
