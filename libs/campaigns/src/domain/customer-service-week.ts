import type { CampaignDay } from './campaign.events';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Monday to Friday of the first Monday-to-Sunday week that lies entirely in October: the week
 * of the first Monday of October, as a Monday is at most the 7th and its Sunday at most the 13th.
 * Calendar dates are the same in every time zone: they are read on the campaign's own clock.
 */
export function firstFullWeekOfOctober(year: number): string[] {
  const october1 = Date.UTC(year, 9, 1);
  const toMonday = (8 - new Date(october1).getUTCDay()) % 7;
  return [0, 1, 2, 3, 4].map((i) => new Date(october1 + (toMonday + i) * DAY_MS).toISOString().slice(0, 10));
}

const THEMES: Omit<CampaignDay, 'date' | 'opensAt' | 'closesAt'>[] = [
  {
    theme: 'Kick-off and thank-you wall',
    activities: ['Kick-off huddle', 'Thank-you wall opens'],
    announcement:
      'Customer Service Week starts today! The thank-you wall is open: tell a colleague what they did well.',
  },
  {
    theme: 'Volunteering',
    activities: ['Volunteering with a local charity'],
    announcement: 'Day 2 is about giving back: join a volunteering slot and log it in Frontline.',
  },
  {
    theme: 'Wellbeing sessions',
    activities: ['Yoga', 'Meditation', 'Origami'],
    announcement: 'Day 3: yoga, meditation and origami sessions all day. Take a break, you have earned it.',
  },
  {
    theme: 'Team quiz',
    activities: ['Team quiz'],
    announcement: 'Day 4: the team quiz is on. Bring your best customer-service trivia.',
  },
  {
    theme: 'Celebration',
    activities: ['Celebration', 'Meal donation', 'Headlines of the week'],
    announcement: 'Last day: we celebrate together, donate a meal for every kudos, and share the week’s headlines.',
  },
];

/** The default Customer Service Week: five themed days, 09:00 to 17:00 local time. */
export function customerServiceWeek(year: number): CampaignDay[] {
  return firstFullWeekOfOctober(year).map((date, i) => ({
    date,
    ...THEMES[i],
    activities: [...THEMES[i].activities],
    opensAt: '09:00',
    closesAt: '17:00',
  }));
}
