import { randomBytes, randomUUID } from 'node:crypto';
import {
  type AbuseKind,
  type Channel,
  type IncidentFacts,
  type IncidentEvent,
  type Severity,
  abuseIncidentStream,
  contactVolumeStream,
  customerStream,
  incidentAccessStream,
} from '@frontline/abuse';
import { type DomainEvent, isoWeek } from '@frontline/decider';
import { type PersonEvent, personStream, teamStream } from '@frontline/directory';
import { type EventStore, type ImportedAppend, PostgresLogImport } from '@frontline/event-store';
import {
  type KudosEvent,
  type KudosReactionAdded,
  type KudosValue,
  type Visibility,
  kudosAllowanceStream,
  kudosStream,
} from '@frontline/recognition';
import { type WellbeingKind, wellbeingStream } from '@frontline/wellbeing';
import type { ClientBase } from 'pg';
import { campaignStream } from '@frontline/campaigns';
import { inboxStream } from '@frontline/inbox';
import {
  abuseIncidentReported,
  agentCheckInSent,
  announcementPublished,
  badgeAwarded,
  campaignPlanned,
  customerActionRecorded,
  inboxReadUpTo,
  incidentAcknowledgementDue,
  contactVolumeCorrected,
  contactVolumeRecorded,
  customerIncidentLinked,
  incidentAcknowledged,
  incidentClosed,
  incidentEscalated,
  incidentWithdrawn,
  incidentsAccessed,
  kudosAllowanceSpent,
  kudosHidden,
  kudosReactionAdded,
  kudosReactionRemoved,
  kudosRetracted,
  kudosSent,
  personEnrolled,
  personIdentityLinked,
  personIdentityUnlinked,
  personMovedTeam,
  personOffboarded,
  personReinstated,
  personRenamed,
  personRolesChanged,
  personalDataErased,
  pulseCheckInSubmitted,
  recoveryBreakTaken,
  repeatAbuserMatched,
  supportAccepted,
  supportDeclined,
  supportOffered,
  teamCreated,
  teamRenamed,
  wellbeingActivityLogged,
} from './event-fixtures';

/** One append of a generated history: events for one stream, written together. */
export type HistoryAppend = ImportedAppend;

export interface HistoryOptions {
  /** Teams people work in; 12 by default. */
  teams?: number;
  /** People enrolled at first (turnover keeps the number); 600 by default. */
  people?: number;
  /**
   * Site teams above the teams: each team's `parentTeamId` is a site, the teams spread evenly over
   * the sites. Nobody works in a site team itself. None by default: every team is at the top.
   */
  sites?: number;
  /** A display name as the directory stores it; the default names nobody (it reads as erased). */
  displayName?: (personId: string) => Promise<string>;
  /** Sees every append as it is generated. */
  observe?: (append: HistoryAppend) => void;
}

export interface HistoryPerson {
  personId: string;
  teamId: string;
}

/** A site team and the teams under it. */
export interface HistorySite {
  siteId: string;
  teamIds: string[];
}

const DAY_MS = 86_400_000;
/** Rounds happen on the 120 days from this Monday, so a longer log makes the same periods denser. */
const FIRST_DAY = Date.UTC(2026, 0, 5);
const DAYS = 120;

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
const chance = (probability: number) => Math.random() < probability;
const some = <T>(items: readonly T[], count: number): T[] => [
  ...new Set(Array.from({ length: count }, () => pick(items))),
];

/**
 * A realistic log, generated round by round (a round is a few minutes of an organisation's life):
 * teams, people enrolling, moving, leaving and erased; kudos with reactions, some retracted or
 * hidden; incidents through their lifecycle, some left open; contact volumes, some corrected;
 * repeat-abuser matches; wellbeing activities and weekly pulses. Every event type a projection
 * reads, with the data the commands would have written, plus events only the worker reads.
 * It keeps its state, so a log can be grown by writing more of the same history.
 */
export class History {
  private readonly sites: HistorySite[] = [];
  private readonly teams: string[] = [];
  private readonly people: HistoryPerson[] = [];
  /** Kudos received and not retracted or hidden, by person id. */
  private readonly received = new Map<string, number>();
  private readonly pulses = new Set<string>();
  private readonly volumes = new Map<string, number>();
  private readonly revisions = new Map<string, number>();
  private readonly customers = Array.from({ length: 200 }, () => ({
    pseudonym: `cust_${randomBytes(16).toString('hex')}`,
    incidents: [] as { incidentId: string; agentId: string }[],
  }));
  private round = 0;
  /** Events written so far. */
  written = 0;

  constructor(private readonly options: HistoryOptions = {}) {}

  /** Appends at least `events` more events; appends to one stream keep their order, others run `inFlight` at once. */
  async write(store: EventStore, events: number, inFlight = 16): Promise<void> {
    const running = new Set<Promise<unknown>>();
    const streamTails = new Map<string, Promise<unknown>>();
    for (const target = this.written + events; this.written < target;) {
      for (const { streamName, events: stream } of await this.next()) {
        const appended = (streamTails.get(streamName) ?? Promise.resolve()).then(() =>
          store.appendToStream(streamName, stream, { expectedRevision: 'any' }),
        );
        streamTails.set(streamName, appended);
        running.add(appended);
        // A failed append is reported by the race or the final wait.
        void appended
          .catch(() => undefined)
          .then(() => {
            running.delete(appended);
            if (streamTails.get(streamName) === appended) streamTails.delete(streamName);
          });
        this.written += stream.length;
        if (running.size >= inFlight) await Promise.race(running);
      }
    }
    await Promise.all(running);
  }

  /**
   * Inserts at least `events` more events straight into the PostgreSQL event store's table
   * (`PostgresLogImport`, a chunk per statement): the history numbers the revisions, so it must be
   * the log's only writer.
   */
  async insert(db: Pick<ClientBase, 'query'>, events: number, chunk = 5_000): Promise<void> {
    const logImport = new PostgresLogImport(db, chunk);
    for (const target = this.written + events; this.written < target;) {
      for (const append of await this.next()) {
        await logImport.write(append);
        this.written += append.events.length;
      }
    }
    await logImport.finish();
  }

  /** Of those enrolled now, the one who has received the most kudos still shown: whose pages are fullest. */
  mostRecognised(): HistoryPerson {
    const received = (person: HistoryPerson) => this.received.get(person.personId) ?? 0;
    return { ...this.people.reduce((most, person) => (received(person) > received(most) ? person : most)) };
  }

  /** The site teams and the teams under each, in the order they were created; none without `sites`. */
  organisationSites(): HistorySite[] {
    return this.sites.map(({ siteId, teamIds }) => ({ siteId, teamIds: [...teamIds] }));
  }

  /** The appends of the next round; the first one sets up the organisation. */
  async next(): Promise<HistoryAppend[]> {
    const appends = this.teams.length === 0 ? await this.organisation() : await this.nextRound();
    if (this.options.observe) appends.forEach(this.options.observe);
    return appends;
  }

  private async nextRound(): Promise<HistoryAppend[]> {
    const at = new Date(FIRST_DAY + (this.round % DAYS) * DAY_MS + ((this.round * 7) % 600) * 60_000 + 8 * 3_600_000);
    this.round++;
    return [
      ...this.kudos(at),
      ...(chance(0.6) ? this.incident(at) : []),
      this.activity(at),
      ...this.pulse(at),
      this.contactVolume(at),
      ...(chance(0.15) ? [this.move(at)] : []),
      ...(chance(0.02) ? [this.provisioned()] : []),
      ...(chance(0.3) ? this.incidentRead(at) : []),
      ...(chance(0.02) ? this.match(at) : []),
      ...(chance(0.01) ? [this.campaign(at)] : []),
      ...(chance(0.05) ? [this.inboxRead(at)] : []),
      ...(chance(0.005) ? await this.turnover(at) : []),
    ];
  }

  /** Sites first, so a team's parent exists when the team is created. */
  private async organisation(): Promise<HistoryAppend[]> {
    for (let i = 0; i < (this.options.sites ?? 0); i++) this.sites.push({ siteId: randomUUID(), teamIds: [] });
    for (let i = 0; i < (this.options.teams ?? 12); i++) this.teams.push(randomUUID());
    const appends = this.sites.map(({ siteId }, i) =>
      this.append(teamStream(siteId), teamCreated({ teamId: siteId, name: `Site ${i + 1}`, siteId })),
    );
    this.teams.forEach((teamId, i) => {
      const site = this.sites.length > 0 ? this.sites[i % this.sites.length] : undefined;
      site?.teamIds.push(teamId);
      const team = { teamId, name: `Team ${i + 1}`, ...(site ? { parentTeamId: site.siteId } : {}) };
      appends.push(this.append(teamStream(teamId), teamCreated({ ...team, siteId: site?.siteId ?? teamId })));
    });
    for (let i = 0; i < (this.options.people ?? 600); i++) appends.push(await this.enrol(pick(this.teams)));
    return appends;
  }

  /** A team's site as the events record it: the site above it, or the team itself. */
  private siteOf(teamId: string): string {
    return this.sites.find(({ teamIds }) => teamIds.includes(teamId))?.siteId ?? teamId;
  }

  private async enrol(teamId: string, at = new Date(FIRST_DAY)): Promise<HistoryAppend> {
    const member = { personId: randomUUID(), teamId };
    this.people.push(member);
    const displayName = (await this.options.displayName?.(member.personId)) ?? `pd1.${member.personId}.x`;
    const place = { siteId: this.siteOf(teamId), at: at.toISOString() };
    return this.append(
      personStream(member.personId),
      personEnrolled({ ...member, ...place, displayName, roles: ['agent'], timezone: 'Europe/London' }),
    );
  }

  private kudos(at: Date): HistoryAppend[] {
    const sender = pick(this.people);
    const recipients = some(this.people, chance(0.8) ? 1 : 3).filter((person) => person !== sender);
    if (recipients.length === 0) return [];
    const kudosId = randomUUID();
    const sentAt = at.toISOString();
    const events: KudosEvent[] = [
      kudosSent({
        kudosId,
        fromId: sender.personId,
        toIds: recipients.map((person) => person.personId),
        message: 'Thank you for staying late to help with the queue',
        values: some<KudosValue>(['empathy', 'teamwork', 'ownership', 'active_listening', 'above_and_beyond'], 2),
        visibility: pick<Visibility>(['public', 'public', 'team', 'private']),
        sentAt,
        fromTeamId: sender.teamId,
        fromSiteId: this.siteOf(sender.teamId),
        toTeamIds: recipients.map((person) => person.teamId),
        toSiteIds: recipients.map((person) => this.siteOf(person.teamId)),
      }),
    ];
    const toIds = recipients.map((person) => person.personId);
    const reactions: KudosReactionAdded[] = some(this.people, Math.floor(Math.random() * 4)).map(({ personId }) =>
      kudosReactionAdded({ kudosId, personId, emoji: pick(['🎉', '👏', '❤️']), toIds }),
    );
    events.push(...reactions);
    if (reactions.length > 0 && chance(0.1)) events.push(kudosReactionRemoved(reactions[0].data));
    if (chance(0.08)) events.push(kudosRetracted({ kudosId, by: sender.personId }));
    else if (chance(0.02)) events.push(kudosHidden({ kudosId, reason: 'Off-topic', by: 'admin' }));
    else for (const { personId } of recipients) this.received.set(personId, (this.received.get(personId) ?? 0) + 1);
    return [
      this.append(kudosAllowanceStream(sender.personId, at), kudosAllowanceSpent({ kudosId })),
      this.append(kudosStream(kudosId), ...events),
    ];
  }

  private incident(at: Date): HistoryAppend[] {
    const agent = pick(this.people);
    const agentId = agent.personId;
    const incidentId = randomUUID();
    const customer = chance(0.4) ? pick(this.customers) : undefined;
    const later = (minutes: number) => new Date(at.getTime() + minutes * 60_000).toISOString();
    const facts: IncidentFacts = {
      agentId: agent.personId,
      teamId: agent.teamId,
      siteId: this.siteOf(agent.teamId),
      channel: pick<Channel>(['phone', 'phone', 'chat', 'email', 'social']),
      kinds: some<AbuseKind>(['shouting', 'insult', 'profanity', 'threat_to_job', 'discriminatory'], 2),
      severity: pick<Severity>(['low', 'moderate', 'moderate', 'high', 'critical']),
      occurredAt: at.toISOString(),
      reportedAt: later(5),
    };
    const events: IncidentEvent[] = [
      abuseIncidentReported({
        incidentId,
        ...facts,
        ...(customer ? { customerPseudonym: customer.pseudonym } : {}),
        supportRequested: chance(0.3),
        shareNarrativeWithLead: false,
      }),
    ];
    if (chance(0.05)) events.push(incidentWithdrawn({ incidentId }));
    else {
      if (chance(0.1)) events.push(incidentAcknowledgementDue({ incidentId, dueAt: later(240), ...facts }));
      if (chance(0.1)) events.push(incidentEscalated({ incidentId, reason: 'No acknowledgement in time', ...facts }));
      if (chance(0.85)) {
        events.push(incidentAcknowledged({ incidentId, by: 'lead', at: later(60), ...facts }));
        if (chance(0.5)) {
          events.push(supportOffered({ incidentId, kind: 'debrief', by: 'lead', ...facts }));
          events.push(
            chance(0.7)
              ? supportAccepted({ incidentId, kind: 'debrief', ...facts })
              : supportDeclined({ incidentId, kind: 'debrief' }),
          );
        }
        if (chance(0.2)) events.push(recoveryBreakTaken({ incidentId, minutes: 15 }));
        if (chance(0.1)) {
          events.push(customerActionRecorded({ incidentId, action: 'contact_blocked', by: 'lead', agentId }));
        }
        if (chance(0.3)) events.push(agentCheckInSent({ incidentId, agentId, at: later(1440) }));
        if (chance(0.8)) events.push(incidentClosed({ incidentId, outcome: 'resolved', by: 'lead', agentId }));
      }
    }
    if (!customer) return [this.append(abuseIncidentStream(incidentId), ...events)];
    customer.incidents.push({ incidentId, agentId: agent.personId });
    const { pseudonym: customerPseudonym } = customer;
    return [
      this.append(abuseIncidentStream(incidentId), ...events),
      this.append(
        customerStream(customerPseudonym),
        customerIncidentLinked({
          customerPseudonym,
          incidentId,
          agentId: agent.personId,
          occurredAt: facts.occurredAt,
        }),
      ),
    ];
  }

  private activity(at: Date): HistoryAppend {
    const person = pick(this.people);
    return this.append(
      wellbeingStream(person.personId),
      wellbeingActivityLogged({
        activityId: randomUUID(),
        kind: pick<WellbeingKind>(['yoga', 'walk', 'meditation', 'recovery_break', 'team_quiz']),
        minutes: pick([10, 15, 20, 30, 45]),
        occurredOn: at.toISOString().slice(0, 10),
        loggedAt: at.toISOString(),
        teamId: person.teamId,
        siteId: this.siteOf(person.teamId),
      }),
    );
  }

  /** One pulse per person per ISO week. */
  private pulse(at: Date): HistoryAppend[] {
    const person = pick(this.people);
    const week = isoWeek(at);
    if (this.pulses.has(`${person.personId} ${week}`)) return [];
    this.pulses.add(`${person.personId} ${week}`);
    const score = () => 1 + Math.floor(Math.random() * 5);
    return [
      this.append(
        wellbeingStream(person.personId),
        pulseCheckInSubmitted({
          isoWeek: week,
          mood: score(),
          energy: score(),
          workload: score(),
          submittedAt: at.toISOString(),
          teamId: person.teamId,
          siteId: this.siteOf(person.teamId),
        }),
      ),
    ];
  }

  /** Recorded once per team, day and channel; a second figure corrects the first. */
  private contactVolume(at: Date): HistoryAppend {
    const teamId = pick(this.teams);
    const volume = {
      teamId,
      siteId: this.siteOf(teamId),
      date: at.toISOString().slice(0, 10),
      channel: pick<Channel>(['phone', 'chat', 'email']),
    };
    const key = `${volume.teamId} ${volume.date} ${volume.channel}`;
    const previous = this.volumes.get(key);
    const contacts = 200 + Math.floor(Math.random() * 800);
    this.volumes.set(key, contacts);
    return this.append(
      contactVolumeStream(volume.teamId, volume.date),
      previous === undefined
        ? contactVolumeRecorded({ ...volume, contacts })
        : contactVolumeCorrected({ ...volume, contacts, previous }),
    );
  }

  private move(at: Date): HistoryAppend {
    const person = pick(this.people);
    const fromTeamId = person.teamId;
    person.teamId = pick(this.teams.filter((teamId) => teamId !== fromTeamId));
    return this.append(
      personStream(person.personId),
      personMovedTeam({
        personId: person.personId,
        fromTeamId,
        fromSiteId: this.siteOf(fromTeamId),
        toTeamId: person.teamId,
        toSiteId: this.siteOf(person.teamId),
        at: at.toISOString(),
      }),
    );
  }

  /** What an identity provider changes about someone: their name, roles, and the identity they sign in with. */
  private provisioned(): HistoryAppend {
    const { personId } = pick(this.people);
    const events: PersonEvent[] = [
      personRenamed({ personId, displayName: `pd1.${personId}.y`, displayNameKey: randomUUID() }),
      personRolesChanged({ personId, roles: pick([['agent'], ['agent', 'team_lead']]) }),
      personIdentityLinked({ personId, userName: `pd1.${personId}.u`, userNameKey: randomUUID() }),
    ];
    if (chance(0.1)) events.push(personIdentityUnlinked({ personId }));
    return this.append(personStream(personId), ...events);
  }

  /** A campaign as the worker runs it, in short: planned for some teams or all, one announcement, one badge. */
  private campaign(at: Date): HistoryAppend {
    const campaignId = randomUUID();
    const day = at.toISOString().slice(0, 10);
    const later = (minutes: number) => new Date(at.getTime() + minutes * 60_000).toISOString();
    return this.append(
      campaignStream(campaignId),
      campaignPlanned({
        campaignId,
        kind: 'customer_service_week',
        name: 'Customer Service Week',
        timezone: 'Europe/London',
        days: [
          {
            date: day,
            theme: 'Thank you',
            activities: [],
            announcement: 'Welcome',
            opensAt: '09:00',
            closesAt: '17:00',
          },
        ],
        audience: { teamIds: chance(0.5) ? [] : some(this.teams, 2) },
        plannedBy: 'hr',
        plannedAt: at.toISOString(),
        steps: [],
      }),
      announcementPublished({
        step: 'day-1-announcement',
        day: 1,
        text: 'Welcome to the week',
        publishedAt: later(60),
      }),
      badgeAwarded({
        step: 'badges',
        badge: 'giver-and-receiver',
        personIds: some(this.people, 3).map(({ personId }) => personId),
        awardedAt: later(120),
      }),
    );
  }

  /** Someone reads their inbox up to an item (an id of the log's form; the read model only keeps it). */
  private inboxRead(at: Date): HistoryAppend {
    const { personId } = pick(this.people);
    const upTo = `pg:${String(at.getTime()).padStart(20, '0')}-${String(this.round).padStart(20, '0')}.00`;
    return this.append(inboxStream(personId), inboxReadUpTo({ personId, upTo, at: at.toISOString() }));
  }

  /** A carer reads incidents of the queue, or opens one: recorded before they see it. */
  private incidentRead(at: Date): HistoryAppend[] {
    const reader = pick(this.people);
    const opened = chance(0.5);
    const reported = this.customers.flatMap((customer) => customer.incidents);
    if (reported.length === 0) return [];
    const incidents = some(reported, opened ? 1 : 5).map(({ incidentId }) => ({
      incidentId,
      narrative: opened && chance(0.5),
    }));
    return [
      this.append(
        incidentAccessStream(reader.personId, at.toISOString().slice(0, 10)),
        incidentsAccessed({
          readerId: reader.personId,
          role: pick(['team_lead', 'wellbeing_officer'] as const),
          via: opened ? 'incident' : 'queue',
          at: at.toISOString(),
          incidents,
        }),
      ),
    ];
  }

  /** What the worker records when distinct agents reported the same customer. */
  private match(at: Date): HistoryAppend[] {
    const customer = pick(this.customers);
    const recent = customer.incidents.slice(-5);
    const agents = new Set(recent.map((incident) => incident.agentId));
    if (agents.size < 2) return [];
    return [
      this.append(
        customerStream(customer.pseudonym),
        repeatAbuserMatched({
          customerPseudonym: customer.pseudonym,
          incidentIds: recent.map((incident) => incident.incidentId),
          distinctAgents: agents.size,
          matchedAt: at.toISOString(),
        }),
      ),
    ];
  }

  /** Someone leaves (and sometimes asks to be forgotten), someone joins; a team is sometimes renamed. */
  private async turnover(at: Date): Promise<HistoryAppend[]> {
    const leaver = this.people.splice(Math.floor(Math.random() * this.people.length), 1)[0];
    const teamId = this.teams[this.round % this.teams.length];
    const leaving: PersonEvent[] = [
      personOffboarded({
        personId: leaver.personId,
        teamId: leaver.teamId,
        siteId: this.siteOf(leaver.teamId),
        at: at.toISOString(),
      }),
    ];
    const place = { siteId: this.siteOf(leaver.teamId), at: at.toISOString() };
    if (chance(0.3)) leaving.push(personalDataErased({ personId: leaver.personId }));
    else if (chance(0.2)) {
      // Reactivated by the identity provider, back in the team they left.
      leaving.push(personReinstated({ personId: leaver.personId, teamId: leaver.teamId, ...place }));
      this.people.push(leaver);
    }
    return [
      this.append(personStream(leaver.personId), ...leaving),
      await this.enrol(pick(this.teams), at),
      this.append(teamStream(teamId), teamRenamed({ teamId, name: `Team ${at.toISOString().slice(0, 10)}` })),
    ];
  }

  private append(streamName: string, ...events: DomainEvent[]): HistoryAppend {
    const revision = this.revisions.get(streamName) ?? 0;
    this.revisions.set(streamName, revision + events.length);
    return {
      streamName,
      revision,
      events: events.map(({ type, data }) => ({
        id: randomUUID(),
        type,
        data,
        metadata: { correlationId: randomUUID(), causationId: randomUUID(), actorId: 'history', schemaVersion: 1 },
      })),
    };
  }
}

/** Writes a history of at least `events` events. */
export async function writeHistory(store: EventStore, events: number, options?: HistoryOptions): Promise<History> {
  const history = new History(options);
  await history.write(store, events);
  return history;
}
