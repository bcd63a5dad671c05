import type {
  AbuseKind,
  Channel,
  ContactVolumeRow,
  IncidentOutcome,
  IncidentReport,
  Severity,
  SupportKind,
} from '@frontline/abuse';
import type { KudosValue, Visibility } from '@frontline/recognition';
import type { WellbeingKind } from '@frontline/wellbeing';
import {
  type DemoOrganisation,
  type Person,
  type TeamProfile,
  TIMEZONE,
  agentsOf,
  demoId,
  leadOf,
} from './organisation';
import { Random } from './random';

/** How far back the history goes, in ISO weeks: several periods on every dashboard. */
export const WEEKS = 8;

/** The days the dashboards are read over: the last WEEKS ISO weeks, up to today (UTC). */
export interface Period {
  from: string;
  to: string;
}

/**
 * A write of the history: its body, the Idempotency-Key that makes repeating it harmless, and when
 * it happened (sent as X-Frontline-As-Of: dashboards count a fact in the week it was recorded).
 */
interface Write<Body> {
  key: string;
  body: Body;
  at?: string;
}

/** `POST /v1/incidents/{id}/<action>` by a lead, the agent or a wellbeing officer. */
export interface FollowUp {
  key: string;
  at?: string;
  by: Person;
  action: string;
  body?: object;
}

export interface PlannedIncident extends Write<IncidentReport> {
  agent: Person;
  /** In order: each may depend on the one before (an offer is accepted after it is made). */
  followUps: FollowUp[];
}

export interface PlannedKudos extends Write<{
  to: string[];
  message: string;
  values: KudosValue[];
  visibility: Visibility;
}> {
  from: Person;
  reactions: { by: Person; key: string; emoji: string; at?: string }[];
}

export interface PlannedActivity extends Write<{ kind: WellbeingKind; minutes: number; occurredOn: string }> {
  person: Person;
}

export interface PlannedPulse extends Write<{ mood: number; energy: number; workload: number }> {
  person: Person;
}

export interface DemoHistory {
  period: Period;
  contactVolumes: ContactVolumeRow[];
  incidents: PlannedIncident[];
  kudos: PlannedKudos[];
  activities: PlannedActivity[];
  pulses: PlannedPulse[];
  campaign: Write<{ kind: 'customer_service_week'; name: string; year: number; timezone: string }>;
}

/** The last WEEKS ISO weeks up to `now`'s day (UTC): what the history covers and dashboards are read over. */
export function demoPeriod(now: Date): Period {
  const today = now.toISOString().slice(0, 10);
  return { from: addDays(mondayOf(today), -7 * (WEEKS - 1)), to: today };
}

/**
 * Eight weeks of a believable contact centre, the same on every run of the same day: contact
 * volumes, abuse incidents and how they were cared for, kudos and reactions, wellbeing activities,
 * weekly pulses and next Customer Service Week, each written at the time it happened.
 */
export function demoHistory(org: DemoOrganisation, now: Date): DemoHistory {
  const today = now.toISOString().slice(0, 10);
  const past = (moment: string) => (moment < now.toISOString() ? moment : now.toISOString());
  const period = demoPeriod(now);
  const pastDays = daysBetween(period.from, addDays(today, -1));
  const year = now.getUTCMonth() < 9 ? now.getUTCFullYear() : now.getUTCFullYear() + 1;
  return {
    period,
    contactVolumes: contactVolumes(org, pastDays),
    incidents: [...repeatAbuser(org, today), ...incidents(org, pastDays, today)].map((incident) =>
      written(incident, past),
    ),
    kudos: kudos(org, pastDays).map(({ at, reactions, ...rest }) => ({
      ...rest,
      at: past(at!),
      reactions: reactions.map((reaction) => ({ ...reaction, at: past(later(at!, 60)) })),
    })),
    activities: [...recoveryAfterTheWorstCall(org, today), ...activities(org, period)].map((activity) => ({
      ...activity,
      at: past(`${activity.body.occurredOn}T18:00:00.000Z`),
    })),
    pulses: pulses(org, period).filter((pulse) => pulse.at! <= now.toISOString()),
    campaign: {
      key: 'demo:customer-service-week',
      body: { kind: 'customer_service_week', name: `Customer Service Week ${year}`, year, timezone: TIMEZONE },
    },
  };
}

/** Contacts an average team handles on a weekday; weekends are quieter. */
const WEEKDAY_CONTACTS: Partial<Record<Channel, number>> = { phone: 420, chat: 260, email: 140, social: 35 };
const WEEKEND_SHARE = 0.35;

function contactVolumes(org: DemoOrganisation, days: string[]): ContactVolumeRow[] {
  const random = new Random('contact volumes');
  return org.teams.flatMap(({ teamId, profile }) =>
    days.flatMap((date) =>
      (Object.entries(WEEKDAY_CONTACTS) as [Channel, number][]).map(([channel, contacts]) => ({
        teamId,
        date,
        channel,
        contacts: Math.round(
          contacts * profile.load * (isWeekend(date) ? WEEKEND_SHARE : 1) * (0.85 + 0.3 * random.next()),
        ),
      })),
    ),
  );
}

/** Abuse comes mostly by phone, relative to the contacts of each channel. */
const INCIDENT_CHANNELS: Partial<Record<Channel, number>> = { phone: 60, chat: 22, email: 8, social: 10 };
const KINDS: Partial<Record<AbuseKind, number>> = {
  shouting: 30,
  insult: 24,
  profanity: 22,
  threat_to_job: 9,
  discriminatory: 6,
  threat_of_violence: 4,
  sexual_harassment: 3,
  doxxing: 1,
  other: 1,
};
const GRAVE_KINDS: AbuseKind[] = ['discriminatory', 'threat_of_violence', 'sexual_harassment', 'doxxing'];
const CONTACT_PREFIX: Partial<Record<Channel, string>> = { phone: 'CALL', chat: 'CHAT', email: 'MAIL', social: 'SOC' };
/** In the agents' words; stored encrypted under each agent's key. */
const NARRATIVES: Partial<Record<AbuseKind, string[]>> = {
  shouting: [
    'Shouted over me for most of the call about a refund that had already been sent.',
    'Raised voice from the first minute and would not let me finish a sentence.',
  ],
  insult: [
    'Called me useless and stupid several times after I explained the policy.',
    'Asked whether I had been trained at all and said I was the worst person they had dealt with.',
  ],
  profanity: ['Swore at me personally, not at the situation, all the way through.'],
  threat_to_job: ['Said they would make sure I was sacked and demanded my full name.'],
  discriminatory: ['Mocked my accent and told me to put someone "from here" on the line.'],
  threat_of_violence: ['Said they knew which office we work from and would wait outside for me.'],
  sexual_harassment: ['Made sexual comments about my voice and asked where I live.'],
  doxxing: ['Posted my first name and a photo of our building online, telling people to call me.'],
};
const SUPPORT: SupportKind[] = ['debrief', 'peer_support', 'counselling'];

function incidents(org: DemoOrganisation, days: string[], today: string): PlannedIncident[] {
  const random = new Random('incidents');
  const planned: PlannedIncident[] = [];
  for (const team of org.teams) {
    const lead = leadOf(org.people, team);
    for (const agent of agentsOf(org.people, team)) {
      for (let count = random.int(...team.profile.incidentsPerAgent); count > 0; count--) {
        const day = random.pick(days);
        const report = incidentReport(random, `incident-${planned.length}`, day);
        planned.push({
          key: `demo:${report.incidentId}`,
          agent,
          body: report,
          followUps: care(random, report, agent, lead, daysAgo(day, today)),
        });
      }
    }
  }
  return planned;
}

function incidentReport(random: Random, name: string, day: string): IncidentReport {
  const kind = random.weighted(KINDS);
  const grave = GRAVE_KINDS.includes(kind);
  const severity = grave
    ? random.weighted<Severity>({ high: 55, critical: 45 })
    : random.weighted<Severity>({ low: 45, moderate: 40, high: 15 });
  const also = random.pick<AbuseKind>(['shouting', 'insult', 'profanity']);
  const channel = random.weighted(INCIDENT_CHANNELS);
  const narrative = random.chance(0.5) ? random.pick(NARRATIVES[kind] ?? NARRATIVES.shouting!) : undefined;
  return {
    incidentId: demoId(name),
    channel,
    kinds: also !== kind && random.chance(0.35) ? [kind, also] : [kind],
    severity,
    occurredAt: `${day}T${String(random.int(8, 19)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00.000Z`,
    contactRef: `${CONTACT_PREFIX[channel]}-${random.int(100_000, 999_999)}`,
    ...(narrative ? { narrative } : {}),
    supportRequested: random.chance(grave || severity === 'high' ? 0.5 : 0.1),
    shareNarrativeWithLead: random.chance(0.65),
  };
}

/**
 * What the lead and the agent did about an incident: most are acknowledged; serious ones get an
 * offer of support, which the agent takes up or declines, and a recovery break; older ones are
 * closed. The rest wait in the queue (the worker offers a recovery break for serious ones itself).
 */
function care(random: Random, report: IncidentReport, agent: Person, lead: Person, daysAgo: number): FollowUp[] {
  if (random.chance(0.15)) return [];
  const steps: Omit<FollowUp, 'key'>[] = [{ by: lead, action: 'acknowledge' }];
  const serious = report.severity === 'high' || report.severity === 'critical' || report.supportRequested;
  let accepted = false;
  if (serious || random.chance(0.25)) {
    const kind = random.pick(SUPPORT);
    accepted = random.chance(0.7);
    steps.push(
      { by: lead, action: 'support-offers', body: { kind } },
      { by: agent, action: `support-offers/${kind}/${accepted ? 'accept' : 'decline'}` },
    );
  }
  if (serious && random.chance(0.6)) {
    steps.push({ by: agent, action: 'recovery-break', body: { minutes: random.pick([10, 15, 20, 30]) } });
  }
  if (daysAgo > 7 && random.chance(0.8)) {
    const outcome: IncidentOutcome = accepted ? 'support_given' : random.pick(['resolved', 'no_further_action']);
    steps.push({ by: lead, action: 'close', body: { outcome } });
  }
  return steps.map((step, i) => ({ ...step, key: `demo:${report.incidentId}:${i}` }));
}

const WORST_CALL_DAYS_AGO = 3;

/**
 * One caller abuses three agents of two teams in three weeks: the repeat-abuser match the wellbeing
 * officer sees. The last call, the featured agent's, is the worst; it stays open, with support given.
 */
function repeatAbuser(org: DemoOrganisation, today: string): PlannedIncident[] {
  const [complaints, billing] = org.teams;
  // A number Ofcom keeps for drama: it belongs to nobody.
  const customerRef = '+44 7700 900461';
  const calls = [
    {
      agent: agentsOf(org.people, billing)[1],
      team: billing,
      daysAgo: 17,
      kinds: ['insult', 'threat_to_job'],
      severity: 'moderate',
    },
    {
      agent: agentsOf(org.people, complaints)[3],
      team: complaints,
      daysAgo: 9,
      kinds: ['shouting', 'profanity'],
      severity: 'high',
    },
    {
      agent: org.agent,
      team: complaints,
      daysAgo: WORST_CALL_DAYS_AGO,
      kinds: ['threat_of_violence', 'insult'],
      severity: 'critical',
    },
  ] as const;
  return calls.map(({ agent, team, daysAgo, kinds, severity }, i) => {
    const incidentId = demoId(`incident:repeat-abuser-${i}`);
    const lead = leadOf(org.people, team);
    const worst = i === calls.length - 1;
    const followUps: Omit<FollowUp, 'key'>[] = worst
      ? [
          { by: lead, action: 'acknowledge' },
          { by: lead, action: 'support-offers', body: { kind: 'debrief' } },
          { by: agent, action: 'support-offers/debrief/accept' },
          { by: agent, action: 'recovery-break', body: { minutes: 20 } },
          { by: org.officer, action: 'customer-actions', body: { action: 'contact_blocked' } },
        ]
      : [
          { by: lead, action: 'acknowledge' },
          { by: lead, action: 'close', body: { outcome: 'resolved' } },
        ];
    return {
      key: `demo:${incidentId}`,
      agent,
      body: {
        incidentId,
        channel: 'phone',
        kinds: [...kinds],
        severity,
        occurredAt: `${addDays(today, -daysAgo)}T${10 + i}:2${i}:00.000Z`,
        contactRef: `CALL-${481_516 + i}`,
        customerRef,
        ...(worst ? { narrative: NARRATIVES.threat_of_violence![0] } : {}),
        supportRequested: worst,
        shareNarrativeWithLead: true,
      },
      followUps: followUps.map((step, n) => ({ ...step, key: `demo:${incidentId}:${n}` })),
    };
  });
}

const MESSAGES: Record<KudosValue, string[]> = {
  clear_writing: [
    'Your reply to that billing complaint was so clear the customer thanked us twice.',
    'The help article you rewrote has cut our chat times. Brilliant writing.',
  ],
  active_listening: [
    'You let the customer talk it all out, then fixed exactly what mattered.',
    'You caught the one detail everyone else had missed on that case.',
  ],
  reading_reactions: [
    'You heard the customer was close to tears and slowed right down. Really well read.',
    'Great call changing tack as soon as the frustration started building.',
  ],
  empathy: [
    'You were so kind to the customer closing their late partner’s account.',
    'Thank you for staying calm and caring on a really rough call.',
  ],
  teamwork: [
    'Thanks for covering my queue while I took a break after that call.',
    'You helped the new starters all week without being asked. Much appreciated.',
  ],
  ownership: [
    'You chased that refund across three teams until it landed. Proper ownership.',
    'You used your judgement to waive the fee and kept a customer we were about to lose.',
  ],
  above_and_beyond: [
    'Stayed late to clear the outage backlog. Thank you!',
    'You called the customer back on your own initiative to check the engineer turned up.',
  ],
};
const VALUES = Object.keys(MESSAGES) as KudosValue[];
const EMOJI = ['👏', '🎉', '❤️', '🙌', '💪', '⭐'];

/**
 * Kudos over the weeks: up to three per person, well within the daily allowance, mostly within the
 * team, some across teams; public or team, a few private. Two agents of each team receive none, so
 * their lead's recognition gaps name somebody.
 */
function kudos(org: DemoOrganisation, days: string[]): PlannedKudos[] {
  const random = new Random('kudos');
  const unthanked = new Set(org.teams.flatMap((team) => agentsOf(org.people, team).slice(-2)));
  const thankable = org.people.filter((person) => !unthanked.has(person));
  const sent: Omit<PlannedKudos, 'key' | 'reactions'>[] = [
    {
      from: org.lead,
      body: {
        to: [org.agent.personId],
        message: 'You stayed calm and kind on a frightening call the other day and still logged everything. Thank you.',
        values: ['empathy', 'ownership'],
        visibility: 'public',
      },
    },
  ];
  for (const from of org.people) {
    const inTeam = thankable.filter((person) => person.teamId === from.teamId && person !== from);
    const anyone = thankable.filter((person) => person !== from);
    for (let count = random.int(0, inTeam.length > 2 ? 3 : 1); count > 0; count--) {
      const pool = inTeam.length > 2 && random.chance(0.75) ? inTeam : anyone;
      const values = random.sample(VALUES, random.int(1, 2));
      sent.push({
        from,
        body: {
          to: random.sample(pool, Number(random.weighted({ 1: 70, 2: 22, 3: 8 }))).map((p) => p.personId),
          message: random.pick(MESSAGES[values[0]]),
          values,
          visibility: random.weighted<Visibility>({ public: 55, team: 40, private: 5 }),
        },
      });
    }
  }
  return sent.map((planned, n) => ({
    ...planned,
    key: `demo:kudos-${n}`,
    // The featured thank-you was the other day; the rest any weekday of the weeks.
    at: `${n === 0 ? days[days.length - 2] : random.pick(days.filter((day) => !isWeekend(day)))}T${10 + (n % 7)}:15:00.000Z`,
    reactions: random
      .sample(
        viewers(org, planned).filter((person) => person !== planned.from),
        random.int(0, 4),
      )
      .map((by, m) => ({ by, key: `demo:kudos-${n}:reaction-${m}`, emoji: random.pick(EMOJI) })),
  }));
}

/** Who can see a kudos, and so react to it: anyone, the teams involved, or nobody else. */
function viewers(org: DemoOrganisation, { from, body }: Pick<PlannedKudos, 'from' | 'body'>): Person[] {
  if (body.visibility === 'public') return org.people;
  if (body.visibility === 'private') return [];
  const involved = org.people.filter((person) => person === from || body.to.includes(person.personId));
  const teams = new Set(involved.map((person) => person.teamId));
  return org.people.filter((person) => teams.has(person.teamId));
}

const ACTIVITY_WEIGHTS: Partial<Record<WellbeingKind, number>> = {
  walk: 20,
  recovery_break: 18,
  meditation: 12,
  yoga: 10,
  team_quiz: 8,
  peer_support_circle: 8,
  coaching: 8,
  workshop: 6,
  volunteering: 4,
  counselling: 2,
  other: 4,
};
const ACTIVITY_MINUTES: Record<WellbeingKind, [number, number]> = {
  walk: [15, 45],
  recovery_break: [10, 20],
  meditation: [10, 20],
  yoga: [30, 60],
  team_quiz: [30, 60],
  peer_support_circle: [45, 60],
  coaching: [30, 60],
  workshop: [60, 120],
  volunteering: [120, 240],
  counselling: [50, 50],
  other: [15, 30],
};

/** Most people log something most weeks, on a weekday: enough per team and week to be shown. */
function activities(org: DemoOrganisation, period: Period): PlannedActivity[] {
  const random = new Random('wellbeing activities');
  const planned: Omit<PlannedActivity, 'key'>[] = [];
  for (const person of org.people) {
    for (let week = 0; week < WEEKS; week++) {
      const occurredOn = addDays(period.from, 7 * week + random.int(0, 4));
      if (!random.chance(0.6) || occurredOn > period.to) continue;
      const kind = random.weighted(ACTIVITY_WEIGHTS);
      const [least, most] = ACTIVITY_MINUTES[kind];
      planned.push({ person, body: { kind, minutes: 5 * random.int(least / 5, most / 5), occurredOn } });
    }
  }
  return planned.map((activity, n) => ({ ...activity, key: `demo:activity-${n}` }));
}

/** The featured agent steps away after the worst call of the repeat abuser. */
function recoveryAfterTheWorstCall(org: DemoOrganisation, today: string): PlannedActivity[] {
  return [
    {
      key: 'demo:recovery-after-the-worst-call',
      person: org.agent,
      body: { kind: 'recovery_break', minutes: 20, occurredOn: addDays(today, -WORST_CALL_DAYS_AGO) },
    },
  ];
}

const STAFF_PROFILE: Pick<TeamProfile, 'mood' | 'workload'> = { mood: 3.7, workload: 3.6 };

/** Each week's pulse (answered on the Wednesday: the api takes the current ISO week), from four in five people. */
function pulses(org: DemoOrganisation, period: Period): PlannedPulse[] {
  const random = new Random('pulses');
  const profiles = new Map(org.teams.map((team) => [team.teamId, team.profile]));
  const score = (mean: number) => Math.min(5, Math.max(1, Math.round(mean + 2.4 * (random.next() - 0.5))));
  return Array.from({ length: WEEKS }, (_, week) => addDays(period.from, 7 * week + 2)).flatMap((wednesday) =>
    org.people
      .filter((person) => random.chance(0.8) || person === org.agent)
      .map((person) => {
        const { mood, workload } = profiles.get(person.teamId) ?? STAFF_PROFILE;
        return {
          key: `demo:pulse-${wednesday}`,
          person,
          at: `${wednesday}T11:00:00.000Z`,
          body: { mood: score(mood), energy: score(mood - 0.2), workload: score(workload) },
        };
      }),
  );
}

const DAY_MS = 86_400_000;
const later = (moment: string, minutes: number) => new Date(Date.parse(moment) + minutes * 60_000).toISOString();

/** An incident reported 20 minutes after it happened, each follow-up an hour after the one before. */
function written(incident: PlannedIncident, past: (moment: string) => string): PlannedIncident {
  const reported = later(incident.body.occurredAt, 20);
  return {
    ...incident,
    at: past(reported),
    followUps: incident.followUps.map((step, i) => ({ ...step, at: past(later(reported, 60 * (i + 1))) })),
  };
}
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const daysAgo = (date: string, today: string) => (Date.parse(today) - Date.parse(date)) / DAY_MS;
const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/** The Monday of the ISO week of `date`. */
function mondayOf(date: string): string {
  return addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
}

/** Every day from `from` to `to`, both included. */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}
