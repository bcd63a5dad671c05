import type { CampaignDay, CampaignStep } from './campaign.events';
import { localToInstant } from './local-time';

export const dayStep = (day: number, what: 'open' | 'announce' | 'headlines') => `day-${day}-${what}`;

/**
 * Every step of a programme in the order it runs: the start, each day's opening and
 * announcement (the kudos wall opens on day 1), each day's headlines at its close, and after
 * the last day the badges, the final headlines and the close. Steps may share an instant; the
 * order then decides.
 */
export function campaignSteps(days: readonly CampaignDay[], timezone: string): CampaignStep[] {
  const at = (date: string, time: string) => localToInstant(date, time, timezone).toISOString();
  const steps: CampaignStep[] = [];
  days.forEach((day, i) => {
    const n = i + 1;
    const opens = at(day.date, day.opensAt);
    if (n === 1) steps.push({ step: 'start', at: opens });
    steps.push({ step: dayStep(n, 'open'), at: opens }, { step: dayStep(n, 'announce'), at: opens });
    if (n === 1) steps.push({ step: 'kudos-wall', at: opens });
    steps.push({ step: dayStep(n, 'headlines'), at: at(day.date, day.closesAt) });
  });
  const last = days.at(-1);
  if (last) {
    const end = at(last.date, last.closesAt);
    steps.push({ step: 'badges', at: end }, { step: 'final-headlines', at: end }, { step: 'close', at: end });
  }
  return steps;
}

/** Which day a `day-<n>-…` step belongs to. */
export function dayOfStep(step: string): number | undefined {
  const match = /^day-(\d+)-/.exec(step);
  return match ? Number(match[1]) : undefined;
}
