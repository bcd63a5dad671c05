import type { Badge, CampaignSummary, SummaryFigure } from './campaign.events';

/** What people did during a campaign, as the badges and the summary need it. */
export interface CampaignActivity {
  kudos: readonly { kudosId: string; fromId: string; toIds: readonly string[] }[];
  wellbeing: readonly { personId: string; minutes: number }[];
}

/** Who earns each badge: both gave and received kudos; took part in a wellbeing session of the campaign. */
export function badgeWinners(activity: CampaignActivity): { badge: Badge; personIds: string[] }[] {
  const givers = new Set(activity.kudos.map((kudos) => kudos.fromId));
  const receivers = new Set(activity.kudos.flatMap((kudos) => kudos.toIds));
  return [
    { badge: 'giver-and-receiver', personIds: [...givers].filter((id) => receivers.has(id)).sort() },
    { badge: 'wellbeing-participant', personIds: [...new Set(activity.wellbeing.map((w) => w.personId))].sort() },
  ];
}

/**
 * The closing numbers, each shown only when the people behind it number at least `minGroup`:
 * kudos sent (by its senders), people recognised, wellbeing minutes (by who logged them) and
 * participants (anyone who sent, received or logged).
 */
export function campaignSummary(activity: CampaignActivity, minGroup: number): CampaignSummary {
  const senders = new Set(activity.kudos.map((kudos) => kudos.fromId));
  const recognised = new Set(activity.kudos.flatMap((kudos) => kudos.toIds));
  const wellbeingPeople = new Set(activity.wellbeing.map((w) => w.personId));
  const participants = new Set([...senders, ...recognised, ...wellbeingPeople]);
  const figure = (value: number, people: number): SummaryFigure =>
    people >= minGroup ? { value, suppressed: false } : { value: null, suppressed: true };
  return {
    kudosSent: figure(activity.kudos.length, senders.size),
    peopleRecognised: figure(recognised.size, recognised.size),
    wellbeingMinutes: figure(
      activity.wellbeing.reduce((sum, w) => sum + w.minutes, 0),
      wellbeingPeople.size,
    ),
    participants: figure(participants.size, participants.size),
  };
}
