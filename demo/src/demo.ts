import { demoChecks, settled } from './checks';
import { FrontlineClient, inParallel } from './frontline-client';
import { type DemoHistory, type Period, WEEKS, demoHistory, demoPeriod } from './history';
import { type DemoOrganisation, demoOrganisation } from './organisation';
import { completeProvisioning, isProvisioned, provisionOrganisation } from './provisioning';
import { ScimClient } from './scim-client';

export type Featured = 'agent' | 'lead' | 'officer' | 'hr' | 'admin';

export interface DemoRun {
  /** False when the organisation existed already and nothing was written. */
  created: boolean;
  organisation: DemoOrganisation;
  period: Period;
  campaignId: string;
  history: DemoHistory;
  /** Fresh dev tokens of the featured people. */
  tokens: Record<Featured, string>;
}

/**
 * Makes the demo organisation at the Frontline at `url`: its teams and people through SCIM, as its
 * identity provider would, then its history through the public HTTP API; waits for the read models
 * and checks what a newcomer will see. When it exists already, writes nothing and only signs its
 * featured people in again.
 */
export async function runDemo(url: string, log: (line: string) => void = () => {}): Promise<DemoRun> {
  const now = new Date();
  const api = new FrontlineClient(url);
  // Everyone was there from the first day of the history, so past weeks count them in their teams and sites.
  const scim = new ScimClient(url, { asOf: `${demoPeriod(now).from}T00:00:00.000Z` });
  const organisation = demoOrganisation();
  // Finds every group and user, making only those missing: the organisation then has Frontline's ids.
  await provisionOrganisation(scim, organisation);
  const history = demoHistory(organisation, now);
  // An interrupted run is not complete: the next one makes every write again, which appends only what is missing.
  const created = !(await isProvisioned(scim, organisation));
  let campaignId: string;
  if (created) {
    const started = Date.now();
    log(`Creating the demo organisation at ${url}…`);
    log(
      `  directory, through SCIM: ${organisation.sites.length} sites, ${organisation.teams.length} teams, ${organisation.people.length + 1} people`,
    );
    campaignId = await seed(api, organisation, history, log);
    await completeProvisioning(scim, organisation);
    await settled(api, organisation, demoChecks(organisation, history.period));
    log(`  read models caught up, every dashboard and feed checked (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } else {
    log(`The demo organisation exists already at ${url}; nothing new is written.`);
    campaignId = await planCustomerServiceWeek(api, organisation, history);
  }
  const featured: Featured[] = ['agent', 'lead', 'officer', 'hr', 'admin'];
  const tokens = await Promise.all(featured.map((role) => api.token(organisation[role])));
  return {
    created,
    organisation,
    period: history.period,
    campaignId,
    history,
    tokens: Object.fromEntries(featured.map((role, i) => [role, tokens[i]])) as Record<Featured, string>,
  };
}

/**
 * Writes the organisation's history, every request with its Idempotency-Key; answers the campaign's id.
 * Each person stays far below WRITE_RATE_LIMIT_PER_MINUTE (300 by default): the busiest, a team lead
 * and the admin, write about 70 times; the ~60 token requests come from one address, under the same limit.
 */
async function seed(
  api: FrontlineClient,
  org: DemoOrganisation,
  history: DemoHistory,
  log: (line: string) => void,
): Promise<string> {
  const { admin } = org;
  // One import, idempotent per team, day and channel: a repeat records nothing.
  await api.put('/v1/contact-volumes', admin, { rows: history.contactVolumes });
  log(`  contact volumes: ${history.contactVolumes.length} rows over ${WEEKS} weeks`);

  await inParallel(history.incidents, async ({ agent, key, body, at, followUps }) => {
    await api.post('/v1/incidents', agent, body, key, at);
    for (const { by, action, body: change, key: changeKey, at: changedAt } of followUps) {
      await api.post(`/v1/incidents/${body.incidentId}/${action}`, by, change, changeKey, changedAt);
    }
  });
  const followUps = history.incidents.reduce((sum, incident) => sum + incident.followUps.length, 0);
  log(
    `  abuse incidents: ${history.incidents.length} reported, ${followUps} follow-ups by leads, agents and a wellbeing officer`,
  );

  await inParallel(history.kudos, async ({ from, key, body, at, reactions }) => {
    const { kudosId } = await api.post<{ kudosId: string }>('/v1/kudos', from, body, key, at);
    for (const { by, key: reactionKey, emoji, at: reactedAt } of reactions) {
      await api.post(`/v1/kudos/${kudosId}/reactions`, by, { emoji }, reactionKey, reactedAt);
    }
  });
  const reactions = history.kudos.reduce((sum, kudos) => sum + kudos.reactions.length, 0);
  log(`  kudos: ${history.kudos.length} sent, ${reactions} reactions`);

  // Each person logs one thing after another, as people do: their wellbeing is one stream.
  await inParallel(org.people, async (person) => {
    for (const { key, body, at } of history.activities.filter((activity) => activity.person === person)) {
      await api.post('/v1/wellbeing/activities', person, body, key, at);
    }
    for (const { key, body, at } of history.pulses.filter((answer) => answer.person === person)) {
      await api.post('/v1/wellbeing/pulse', person, body, key, at);
    }
  });
  log(`  wellbeing: ${history.activities.length} activities, ${history.pulses.length} weekly pulse answers`);

  const campaignId = await planCustomerServiceWeek(api, org, history);
  log(`  ${history.campaign.body.name} planned`);
  return campaignId;
}

/**
 * Plans next Customer Service Week. Campaigns are not listed, so a later run learns the campaign's
 * id by repeating the plan with its Idempotency-Key: the api answers the first plan and appends nothing.
 */
async function planCustomerServiceWeek(api: FrontlineClient, { hr }: DemoOrganisation, { campaign }: DemoHistory) {
  const { campaignId } = await api.post<{ campaignId: string }>('/v1/campaigns', hr, campaign.body, campaign.key);
  return campaignId;
}
