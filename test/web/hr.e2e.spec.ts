import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Actor } from '@frontline/platform';
import { type Person, type WebStack, checkPage, startWebStack } from './support/web-stack';

const DAY_MS = 86_400_000;

/**
 * HR's pages, end to end in Chromium. Two sites, written as of last week (a week shows once it has
 * ended): Leeds, whose voice team has 5 agents and chat team 2, and Glasgow with 5. Each agent
 * reported one abusive contact; Leeds handled 1,400 contacts, Glasgow 2,000.
 */
describe('HR', () => {
  let stack: WebStack;
  let hr: Person;
  const admin: Actor = { personId: randomUUID(), roles: ['admin'] };
  const [leeds, leedsVoice, leedsChat, glasgow] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const lastWeek = new Date(Date.now() - 7 * DAY_MS);

  async function write(method: 'POST' | 'PUT', url: string, as: Actor, body: unknown, asOf: Date) {
    const headers = { 'x-frontline-as-of': asOf.toISOString() };
    const response = await stack.api.request({ method, url, as, body, headers });
    if (response.status >= 300) throw new Error(`${method} ${url}: ${JSON.stringify(response.body)}`);
    return response.body;
  }

  beforeAll(async () => {
    stack = await startWebStack('web_hr');
    const before = new Date(lastWeek.getTime() - DAY_MS);
    for (const [teamId, name, parentTeamId] of [
      [leeds, 'Leeds', undefined],
      [leedsVoice, 'Leeds voice', leeds],
      [leedsChat, 'Leeds chat', leeds],
      [glasgow, 'Glasgow', undefined],
    ] as const) {
      await write('POST', '/v1/teams', admin, { teamId, name, parentTeamId }, before);
    }
    const date = lastWeek.toISOString().slice(0, 10);
    const rows = [
      { teamId: leedsVoice, date, channel: 'phone', contacts: 1_000 },
      { teamId: leedsChat, date, channel: 'chat', contacts: 400 },
      { teamId: glasgow, date, channel: 'phone', contacts: 2_000 },
    ];
    await write('PUT', '/v1/contact-volumes', admin, { rows }, lastWeek);
    for (const [teamId, size] of [
      [leedsVoice, 5],
      [leedsChat, 2],
      [glasgow, 5],
    ] as const) {
      for (let i = 0; i < size; i += 1) {
        const agent: Actor = { personId: randomUUID(), roles: ['agent'], teamId };
        await write('POST', '/v1/people', admin, { ...agent, displayName: `Agent ${i}`, timezone: 'UTC' }, before);
        const report = {
          channel: 'phone',
          kinds: ['insult'],
          severity: 'low',
          occurredAt: new Date(lastWeek.getTime() - 60_000).toISOString(),
          supportRequested: false,
          shareNarrativeWithLead: false,
        };
        await write('POST', '/v1/incidents', agent, report, lastWeek);
      }
    }
    hr = await stack.person('Hana Ruiz', ['hr'], glasgow);
  }, 120_000);
  afterAll(() => stack?.close(), 30_000);

  it("HR reads abuse per 1,000 contacts by site and drills into a site's teams", async () => {
    const { page, context } = await stack.signIn(hr, { path: '/hr' });
    await checkPage(page, 'hr-home');
    await page.getByRole('link', { name: /^Abuse per 1,000 contacts/ }).press('Enter');

    const sites = page.getByRole('table', { name: /^Abuse per 1,000 contacts, by site/ });
    const row = (table: typeof sites, name: string) => table.getByRole('row', { name: new RegExp(`^${name}`) });
    // 7 incidents over 1,400 contacts; 5 over 2,000; 12 over 3,400.
    await row(sites, 'Leeds').getByRole('cell', { name: '5', exact: true }).waitFor();
    await row(sites, 'Glasgow').getByRole('cell', { name: '2.5', exact: true }).waitFor();
    await row(sites, 'Whole organisation').getByRole('cell', { name: '3.53', exact: true }).waitFor();
    await sites.getByText('Each number shown is about at least 5 people (privacy threshold).').waitFor();
    await checkPage(page, 'hr-abuse-sites');

    await page.getByRole('link', { name: 'Teams of Leeds' }).press('Enter');
    const teams = page.getByRole('table', { name: /^Abuse per 1,000 contacts, teams of Leeds/ });
    // Chat's 2 reporters are too few; Voice's 5 would give Chat away, as Leeds minus Voice.
    await row(teams, 'Leeds chat').getByRole('cell', { name: 'Hidden: fewer than 5 people' }).waitFor();
    await row(teams, 'Leeds voice').getByRole('cell', { name: 'Hidden: would reveal another hidden number' }).waitFor();
    await row(teams, 'Whole organisation').getByRole('cell', { name: '3.53', exact: true }).waitFor();
    await checkPage(page, 'hr-abuse-teams');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download as CSV: Abuse per 1,000 contacts' }).click(),
    ]);
    const csv = (await readFile((await download.path())!, 'utf8')).trimEnd().split('\r\n');
    expect(csv[0]).toBe('Group,Period,"Abuse per 1,000 contacts",Why it is hidden,Privacy threshold (people)');
    // Exactly what the table shows: a line per row and column, each with the threshold it was released under.
    const columns = (await teams.getByRole('columnheader').count()) - 1;
    expect(csv).toHaveLength(1 + 3 * columns);
    expect(csv.every((line, i) => i === 0 || line.endsWith(',5'))).toBe(true);
    expect(csv).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Whole organisation,"Week \d+, \d{4}",3\.53,,5$/),
        expect.stringMatching(/^Leeds chat,"Week \d+, \d{4}",,Hidden: fewer than 5 people,5$/),
        expect.stringMatching(/^Leeds voice,"Week \d+, \d{4}",,Hidden: would reveal another hidden number,5$/),
      ]),
    );

    await page.getByRole('link', { name: 'All sites' }).press('Enter');
    await sites.waitFor();
    await context.close();
  });

  it('shows the trends and the heatmap in English and French without an accessibility violation', async () => {
    for (const language of ['en', 'fr'] as const) {
      const { page, context } = await stack.signIn(hr, { language, path: '/hr/trends' });
      await page.locator('.chart svg').nth(2).waitFor();
      expect(await page.locator('.chart svg[aria-label]').count()).toBe(3);
      await checkPage(page, 'hr-trends');
      if (language === 'fr') {
        await page.goto(`${stack.url}/hr/abuse?interval=week&site=${leeds}&siteName=Leeds`);
        await page.getByRole('cell', { name: 'Masqué : moins de 5 personnes' }).waitFor();
        await checkPage(page, 'hr-abuse-teams');
      }
      await context.close();
    }
    // Two sign-ins and three pages under axe: more than one page's time.
  }, 90_000);

  it('HR plans Customer Service Week and cancels it', async () => {
    const { page, context } = await stack.signIn(hr, { path: '/hr/campaigns' });
    await page.getByRole('heading', { name: 'Plan Customer Service Week' }).waitFor();
    await checkPage(page, 'hr-campaigns');
    const year = await page.getByRole('combobox', { name: 'Year' }).inputValue();
    expect(await page.getByRole('textbox', { name: 'Time zone' }).inputValue()).toBe('Europe/Paris');
    await page.getByRole('button', { name: 'Plan the week' }).press('Enter');

    const name = `Customer Service Week ${year}`;
    await page.getByRole('heading', { level: 1, name }).waitFor();
    // Monday to Friday of the first full week of October, on a five-day calendar.
    const days = page.getByRole('heading', { level: 3 });
    await days.nth(4).waitFor();
    expect(await days.allInnerTexts()).toEqual(
      ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].map((weekday, i) =>
        expect.stringMatching(new RegExp(`^Day ${i + 1}\\s+${weekday}, .*October.*${year}$`)),
      ),
    );
    await page.getByRole('status').filter({ hasText: 'Planned' }).waitFor();
    await checkPage(page, 'hr-campaign');
    const campaignId = new URL(page.url()).pathname.split('/').pop()!;

    await page.getByRole('button', { name: 'Cancel the campaign' }).press('Enter');
    const dialog = page.getByRole('alertdialog', { name: `Cancel ${name}?` });
    await dialog.waitFor();
    await checkPage(page, 'hr-campaign-cancel');
    await dialog.getByRole('button', { name: 'Yes, cancel it' }).press('Enter');
    await page.getByRole('status').filter({ hasText: 'Cancelled' }).waitFor();
    expect(await page.getByRole('button', { name: 'Cancel the campaign' }).count()).toBe(0);

    const shown = await stack.api.request({ method: 'GET', url: `/v1/campaigns/${campaignId}`, as: hr });
    expect(shown.body.status).toBe('cancelled');
    await stack.api.projectionsCaughtUp();
    await page.getByRole('link', { name: 'All campaigns' }).press('Enter');
    await page.getByRole('listitem').filter({ hasText: name }).filter({ hasText: 'Cancelled' }).waitFor();
    await context.close();

    const french = await stack.signIn(hr, { language: 'fr', path: `/hr/campaigns/${campaignId}` });
    await french.page.getByRole('status').filter({ hasText: 'Annulée' }).waitFor();
    await checkPage(french.page, 'hr-campaign');
    await french.page.getByRole('link', { name: 'Toutes les campagnes' }).press('Enter');
    await french.page.getByRole('heading', { name: 'Planifier la Semaine du service client' }).waitFor();
    await checkPage(french.page, 'hr-campaigns');
    await french.context.close();
  });
});
