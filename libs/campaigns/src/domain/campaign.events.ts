import type { DomainEvent } from '@frontline/decider';

export const CAMPAIGN_KINDS = ['customer_service_week'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

/** One day of the programme, in the campaign's time zone: `opensAt` and `closesAt` are local `HH:mm` (or `HH:mm:ss`). */
export interface CampaignDay {
  date: string;
  theme: string;
  activities: string[];
  announcement: string;
  opensAt: string;
  closesAt: string;
}

/** Who the campaign is for: `teamIds: []` is the whole organisation. */
export interface CampaignAudience {
  teamIds: string[];
}

/**
 * A step of the programme and the instant it runs, fixed when the campaign is planned so the
 * worker never recomputes time-zone arithmetic. Ids have no `:` (BullMQ job ids allow two).
 */
export interface CampaignStep {
  step: string;
  at: string;
}

export const BADGES = ['giver-and-receiver', 'wellbeing-participant'] as const;
export type Badge = (typeof BADGES)[number];

/** A number about people, `null` with `suppressed: true` when it covers fewer than the privacy minimum. */
export type SummaryFigure = { value: number; suppressed: false } | { value: null; suppressed: true };

export interface CampaignSummary {
  kudosSent: SummaryFigure;
  peopleRecognised: SummaryFigure;
  wellbeingMinutes: SummaryFigure;
  participants: SummaryFigure;
}

export type CampaignPlanned = DomainEvent<
  'CampaignPlanned',
  {
    campaignId: string;
    kind: CampaignKind;
    name: string;
    timezone: string;
    days: CampaignDay[];
    audience: CampaignAudience;
    plannedBy: string;
    plannedAt: string;
    steps: CampaignStep[];
  }
>;
export type CampaignStarted = DomainEvent<'CampaignStarted', { step: 'start'; startedAt: string }>;
export type CampaignDayOpened = DomainEvent<
  'CampaignDayOpened',
  { step: string; day: number; date: string; theme: string; openedAt: string }
>;
export type AnnouncementPublished = DomainEvent<
  'AnnouncementPublished',
  { step: string; day: number; text: string; publishedAt: string }
>;
export type KudosWallOpened = DomainEvent<'KudosWallOpened', { step: 'kudos-wall'; openedAt: string }>;
/** The most-reacted public kudos sent that day, or during the whole campaign for `day: 'final'`. */
export type HeadlinesPublished = DomainEvent<
  'HeadlinesPublished',
  { step: string; day: number | 'final'; kudosIds: string[]; publishedAt: string }
>;
export type BadgeAwarded = DomainEvent<
  'BadgeAwarded',
  { step: 'badges'; badge: Badge; personIds: string[]; awardedAt: string }
>;
export type CampaignClosed = DomainEvent<
  'CampaignClosed',
  { step: 'close'; summary: CampaignSummary; closedAt: string }
>;
export type CampaignCancelled = DomainEvent<'CampaignCancelled', { cancelledBy: string; cancelledAt: string }>;

export type CampaignStepEvent =
  | CampaignStarted
  | CampaignDayOpened
  | AnnouncementPublished
  | KudosWallOpened
  | HeadlinesPublished
  | BadgeAwarded
  | CampaignClosed;

export type CampaignEvent = CampaignPlanned | CampaignStepEvent | CampaignCancelled;
