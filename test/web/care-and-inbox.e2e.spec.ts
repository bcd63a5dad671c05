import { randomUUID } from 'node:crypto';
import { eventually } from '../support/webhooks';
import type { Page } from 'playwright-core';
import { type Person, type WebStack, checkPage, choose, startWebStack } from './support/web-stack';

/** Every part of the page has loaded: no "Loading…" left (the live stream keeps a request open: the network is never idle). */
async function settled(page: Page) {
  await page
    .getByRole('status')
    .filter({ hasText: /Loading|Chargement/ })
    .first()
    .waitFor({ state: 'detached' });
}

/**
 * The carers' pages and the inbox, end to end in Chromium: a lead works their team's incidents and
 * thanks a teammate, an officer works every team's queue, and the reporter hears back in their inbox.
 */
describe('team leads, wellbeing officers and everyone’s inbox', () => {
  let stack: WebStack;
  let ana: Person;
  let chloe: Person;
  let bo: Person;
  let wen: Person;
  let zoe: Person;

  beforeAll(async () => {
    stack = await startWebStack('web_care_inbox');
    const chat = await stack.team('Chat');
    const phone = await stack.team('Phone');
    ana = await stack.person('Ana Lopez', ['agent'], chat);
    chloe = await stack.person('Chloé Martin', ['agent'], chat);
    bo = await stack.person('Bo Stein', ['team_lead'], chat);
    zoe = await stack.person('Zoé Petit', ['agent'], phone);
    wen = await stack.person('Wen Li', ['wellbeing_officer'], phone);
  }, 120_000);
  afterAll(() => stack?.close(), 30_000);

  const report = async (agent: Person, fields: { severity: string; channel?: string; customerRef?: string }) => {
    const answer = await stack.api.request({
      method: 'POST',
      url: '/v1/incidents',
      as: agent,
      headers: { 'idempotency-key': randomUUID() },
      body: {
        channel: 'phone',
        kinds: ['threat_of_violence'],
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        supportRequested: true,
        shareNarrativeWithLead: false,
        ...fields,
      },
    });
    if (answer.status !== 201) throw new Error(`report answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body.incidentId as string;
  };
  const incident = async (incidentId: string, as: Person) =>
    (await stack.api.request({ method: 'GET', url: `/v1/incidents/${incidentId}`, as })).body;

  it('a lead acknowledges a critical incident of their team and offers support', async () => {
    const incidentId = await report(ana, { severity: 'critical' });
    await report(zoe, { severity: 'high' }); // another team's: not Bo's to see
    // The care workflow offers Ana a recovery break on its own; Bo acts after it, not at the same instant.
    await eventually(
      'the care workflow’s offer',
      async () => (await incident(incidentId, ana)).supportOffers?.length > 0,
    );
    await stack.api.projectionsCaughtUp();

    const { page, context } = await stack.signIn(bo, { path: '/lead' });
    await page.getByRole('heading', { name: 'Your team', level: 1 }).waitFor();
    const card = page.getByRole('article', { name: 'Critical · Phone' });
    await card.getByText(/Acknowledge by /).waitFor();
    expect(await page.getByRole('article').count()).toBe(1);
    await settled(page);
    await checkPage(page, 'lead-team');

    // From the keyboard alone, as a lead between calls might.
    await card.getByRole('button', { name: 'Acknowledge', exact: true }).press('Enter');
    await card.getByRole('status').filter({ hasText: 'Acknowledged. The reporter hears it' }).waitFor();
    await card.getByText(/Acknowledged \d/).waitFor();
    await card.getByRole('combobox', { name: 'Support to offer' }).selectOption({ label: 'Debrief' });
    await card.getByRole('button', { name: 'Offer support' }).press('Enter');
    await card.getByRole('status').filter({ hasText: 'Support offered: Debrief.' }).waitFor();

    const seen = await incident(incidentId, bo);
    expect(seen).toMatchObject({
      acknowledged: { by: bo.personId },
      // The care workflow offers a recovery break itself when support is asked for; the debrief is Bo's.
      supportOffers: expect.arrayContaining([{ kind: 'debrief', by: bo.personId, status: 'offered' }]),
    });
    await context.close();
  });

  it('a lead thanks a teammate who has not been recognised lately', async () => {
    const { page, context } = await stack.signIn(bo, { path: '/lead' });
    const gaps = page.getByRole('region', { name: 'Not recognised lately' });
    await gaps.getByText('Send kudos to Chloé Martin').press('Enter');
    await gaps
      .getByRole('textbox', { name: 'Your message' })
      .fill('You calmed a furious caller down with real patience.');
    await choose(gaps.getByRole('checkbox', { name: 'Empathy' }));
    await gaps.getByRole('button', { name: 'Send kudos', exact: true }).press('Enter');
    await gaps.getByRole('status').filter({ hasText: 'Kudos sent to Chloé Martin.' }).waitFor();

    await stack.api.projectionsCaughtUp();
    await page.reload();
    const feed = page.getByRole('region', { name: 'Team feed' });
    await feed.getByText('Bo Stein to Chloé Martin').waitFor();
    await feed.getByText('You calmed a furious caller down with real patience.').waitFor();
    // Thanked now, Chloé is no longer among those not recognised lately; Ana still is.
    await gaps.getByText('Send kudos to Ana Lopez').waitFor();
    expect(await gaps.getByText('Send kudos to Chloé Martin').count()).toBe(0);
    await checkPage(page, 'lead-team-thanked');
    await context.close();
  });

  it('an officer works the queue and sees a repeat abuser', async () => {
    const customerRef = `caller-${randomUUID()}@example.com`;
    const chloes = await report(chloe, { severity: 'high', channel: 'chat', customerRef });
    await report(zoe, { severity: 'moderate', customerRef });
    await eventually('the repeat-abuser match', async () => {
      await stack.api.projectionsCaughtUp();
      const matches = await stack.api.request({ method: 'GET', url: '/v1/repeat-abusers', as: wen });
      return matches.body.items.length > 0;
    });

    const { page, context } = await stack.signIn(wen, { path: '/officer' });
    const abusers = page.getByRole('region', { name: 'Repeat abusers' });
    await abusers.getByText('Reported by 2 different agents, in 2 incidents').waitFor();
    const queue = page.getByRole('region', { name: 'Incidents of every team' });
    // Every team's open incidents: Chat's and Phone's.
    await queue.getByRole('article', { name: 'Moderate · Phone' }).waitFor();
    const card = queue.getByRole('article', { name: 'High · Chat' });
    await card.waitFor();
    await settled(page);
    await checkPage(page, 'officer-queue');

    await choose(queue.getByRole('radio', { name: 'Escalations' }));
    await queue.getByText('No open incidents. Nothing needs your care right now.').waitFor();
    await choose(queue.getByRole('radio', { name: 'All open' }));
    await card.getByRole('combobox', { name: 'Action against the customer' }).selectOption({ label: 'Warning sent' });
    await card.getByRole('button', { name: 'Record action' }).click();
    await card.getByRole('status').filter({ hasText: 'Action recorded.' }).waitFor();
    expect((await incident(chloes, wen)).customerActions).toEqual([{ action: 'warning_sent', by: wen.personId }]);
    await context.close();
  });

  it('a reporter hears back in their inbox', async () => {
    const incidentId = await report(ana, { severity: 'moderate', channel: 'email' });
    // The care workflow offers her a recovery break on its own: let it land before she reads everything.
    await eventually('the care workflow’s offer in Ana’s inbox', async () => {
      await stack.api.projectionsCaughtUp();
      const inbox = await stack.api.request({ method: 'GET', url: '/v1/me/inbox', as: ana });
      return inbox.body.items.some(
        (item: { kind: string; incidentId?: string }) =>
          item.kind === 'support_offered' && item.incidentId === incidentId,
      );
    });
    const { page, context } = await stack.signIn(ana, { path: '/agent' });
    await page.getByRole('link', { name: /^Inbox \(\d+ unread\)$/ }).click();
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    const items = page.getByRole('list', { name: 'Your inbox' });
    await items.getByText('Bo Stein offered you support: Debrief.').waitFor();
    await items.getByText('Bo Stein acknowledged your report.').waitFor();
    await settled(page);
    await checkPage(page, 'inbox');
    await page.getByRole('button', { name: 'Mark all as read' }).press('Enter');
    await page.getByText('You have read everything.').waitFor();
    await page.getByRole('link', { name: 'Inbox', exact: true }).waitFor();
    expect(await items.getByText('New:').count()).toBe(0);

    // While Ana's inbox is open, Bo acknowledges her new report from his own phone.
    const lead = await stack.signIn(bo, { path: '/lead' });
    const card = lead.page.getByRole('article', { name: 'Moderate · E-mail' });
    await card.getByRole('button', { name: 'Acknowledge', exact: true }).press('Enter');
    await card.getByRole('status').filter({ hasText: 'Acknowledged.' }).waitFor();
    await lead.context.close();

    // It appears without a reload, marked new, and is announced politely to a screen reader.
    await items
      .getByRole('listitem')
      .filter({ hasText: 'New:' })
      .filter({ hasText: 'Bo Stein acknowledged your report.' })
      .waitFor();
    await page.getByRole('link', { name: 'Inbox (1 unread)' }).waitFor();
    const announced = page.locator('[aria-live="polite"]');
    expect(await announced.textContent()).toBe('New in your inbox: Bo Stein acknowledged your report.');
    expect((await incident(incidentId, ana)).acknowledged).toMatchObject({ by: bo.personId });
    await checkPage(page, 'inbox-live');
    await context.close();
  });

  it('shows the lead’s, the officer’s and the inbox pages in French without an accessibility violation', async () => {
    for (const [person, path, name] of [
      [bo, '/lead', 'lead-team'],
      [wen, '/officer', 'officer-queue'],
      [ana, '/inbox', 'inbox'],
    ] as const) {
      const { page, context } = await stack.signIn(person, { language: 'fr', path });
      await settled(page);
      await checkPage(page, name);
      await context.close();
    }
  });
});
