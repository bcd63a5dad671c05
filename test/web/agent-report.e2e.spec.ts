import { Interactions, choose, tabTo, type Person, type WebStack, checkPage, startWebStack } from './support/web-stack';

/** The agent's report, end to end in Chromium: the built app, the real api, projector and worker, OIDC sign-in. */
describe('agent reporting abuse', () => {
  let stack: WebStack;
  let ana: Person;
  let chloe: Person;

  beforeAll(async () => {
    stack = await startWebStack('web_agent_report');
    const team = await stack.team('Chat');
    ana = await stack.person('Ana Lopez', ['agent'], team);
    chloe = await stack.person('Chloé Martin', ['agent'], team);
  }, 120_000);
  afterAll(() => stack?.close(), 30_000);

  const incidentsOf = async (person: Person) =>
    (await stack.api.request({ method: 'GET', url: '/v1/me/incidents', as: person })).body.items as {
      incidentId: string;
      channel: string;
      kinds: string[];
      severity: string;
      supportRequested: boolean;
    }[];

  it('agent reports a threat in under a minute', async () => {
    const { page, context } = await stack.signIn(ana);
    await checkPage(page, 'agent-home');
    const started = Date.now();
    const steps = new Interactions();

    await steps.click(page.getByRole('link', { name: /Report abuse/ }));
    await page.getByRole('heading', { name: 'Report abuse' }).waitFor();
    await steps.choose(page.getByRole('radio', { name: 'Phone' }));
    await steps.choose(page.getByRole('checkbox', { name: 'Threat of violence' }));
    await steps.choose(page.getByRole('radio', { name: 'High' }));
    await steps.choose(page.getByRole('checkbox', { name: 'I want support' }));
    await steps.click(page.getByRole('button', { name: 'Send report' }));
    await page.getByRole('heading', { name: 'Report sent' }).waitFor();

    expect(steps.count).toBeLessThanOrEqual(6);
    expect(Date.now() - started).toBeLessThan(60_000);
    await checkPage(page, 'agent-report-sent');
    await stack.api.projectionsCaughtUp();
    expect(await incidentsOf(ana)).toMatchObject([
      { kinds: ['threat_of_violence'], severity: 'high', supportRequested: true },
    ]);
    await context.close();
  });

  it('agent reports with the keyboard alone', async () => {
    const emma = await stack.person('Emma Petit', ['agent'], ana.teamId);
    const { page, context } = await stack.signIn(emma);
    await tabTo(page, page.getByRole('link', { name: /Report abuse/ }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Report abuse' }).waitFor();
    for (const choice of [
      page.getByRole('radio', { name: 'Video' }),
      page.getByRole('checkbox', { name: 'Discrimination' }),
      page.getByRole('radio', { name: 'Critical' }),
    ]) {
      // A radio group is one Tab stop: Tab reaches it, arrows move within it.
      const group = choice.locator('xpath=ancestor::*[@role="radiogroup" or @role="group"][1]');
      await tabTo(page, group.locator('input').first());
      for (let moves = 0; moves < 10 && !(await choice.evaluate((e) => e === e.ownerDocument.activeElement)); moves++)
        await page.keyboard.press((await choice.getAttribute('type')) === 'radio' ? 'ArrowRight' : 'Tab');
      await page.keyboard.press('Space');
      expect(await choice.isChecked()).toBe(true);
    }
    await tabTo(page, page.getByRole('button', { name: 'Send report' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Report sent' }).waitFor();
    await stack.api.projectionsCaughtUp();
    expect(await incidentsOf(emma)).toMatchObject([
      { channel: 'video', kinds: ['discriminatory'], severity: 'critical' },
    ]);
    await context.close();
  });

  it('shows the report form in English and French without an accessibility violation', async () => {
    for (const language of ['en', 'fr'] as const) {
      const { page, context } = await stack.signIn(chloe, { language, path: '/agent/report' });
      await page.locator('summary').click();
      await checkPage(page, 'agent-report-form');
      await context.close();
    }
  });

  it('a report draft survives a closed tab, and a lost connection sends it once when back online', async () => {
    const { page, context } = await stack.signIn(chloe, { path: '/agent/report' });
    await choose(page.getByRole('radio', { name: 'Chat' }));
    await choose(page.getByRole('checkbox', { name: 'Insults' }));
    await page.locator('summary').click();
    await page.getByRole('textbox', { name: 'What happened, in your words' }).fill('Called me useless, twice.');
    await page.close();

    const reopened = await context.newPage();
    await reopened.goto(`${stack.url}/agent/report`);
    await reopened.getByRole('heading', { name: 'Report abuse' }).waitFor();
    expect(await reopened.getByRole('radio', { name: 'Chat' }).isChecked()).toBe(true);
    expect(await reopened.getByRole('checkbox', { name: 'Insults' }).isChecked()).toBe(true);
    await reopened.locator('summary').click();
    expect(await reopened.getByRole('textbox', { name: 'What happened, in your words' }).inputValue()).toBe(
      'Called me useless, twice.',
    );
    await choose(reopened.getByRole('radio', { name: 'Moderate' }));

    await context.setOffline(true);
    await reopened.getByRole('button', { name: 'Send report' }).click();
    await reopened.getByRole('status').filter({ hasText: 'sent as soon as you are back online' }).waitFor();
    // Back online, the report goes without another tap.
    await context.setOffline(false);
    await reopened.getByRole('heading', { name: 'Report sent' }).waitFor();

    await stack.api.projectionsCaughtUp();
    expect(await incidentsOf(chloe)).toMatchObject([{ kinds: ['insult'], severity: 'moderate' }]);
    await context.close();
  });

  it('a report whose answer was lost is sent again and counted once', async () => {
    const dana = await stack.person('Dana Smith', ['agent'], ana.teamId);
    const { page, context } = await stack.signIn(dana, { path: '/agent/report' });
    await choose(page.getByRole('radio', { name: 'E-mail' }));
    await choose(page.getByRole('checkbox', { name: 'Profanity' }));
    await choose(page.getByRole('radio', { name: 'Low' }));
    // The api records the report, but its answer never reaches the browser.
    await page.route(
      '**/v1/incidents',
      async (route) => {
        await route.fetch();
        await route.abort('connectionreset');
      },
      { times: 1 },
    );
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByRole('alert').filter({ hasText: 'No connection' }).waitFor();
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByRole('heading', { name: 'Report sent' }).waitFor();

    await stack.api.projectionsCaughtUp();
    expect(await incidentsOf(dana)).toMatchObject([{ kinds: ['profanity'], severity: 'low' }]);
    await context.close();
  });

  it('an expired session signs in again and comes back to the page the agent opened', async () => {
    const { page, context } = await stack.signIn(ana);
    // The access token's time is up (as after a long break): the next request needs a new sign-in.
    await page.evaluate(`(() => {
      const key = Object.keys(sessionStorage).find((name) => name.startsWith('oidc.user:'));
      const user = JSON.parse(sessionStorage.getItem(key));
      sessionStorage.setItem(key, JSON.stringify({ ...user, expires_at: Math.floor(Date.now() / 1000) - 60 }));
    })()`);
    const visited: string[] = [];
    page.on('framenavigated', (frame) => visited.push(frame.url()));
    await page.getByRole('link', { name: /My reports/ }).click();
    await page.waitForURL((address) => address.pathname === '/agent/incidents');
    await page.getByRole('heading', { name: 'My reports' }).waitFor();
    // Her reports, or none: either way the api answered the new token.
    await page
      .getByText(/^(You have not reported anything\.|Threat of violence)$/)
      .first()
      .waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    // The provider still knew her (its session cookie): straight back through the app's callback.
    expect(visited.filter((url) => new URL(url).pathname === '/callback')).toHaveLength(1);
    expect(await page.evaluate('Object.keys(sessionStorage).some((key) => key.startsWith("oidc.user:"))')).toBe(true);
    await context.close();
  });

  it('keeps the language the agent chose, and tells the browser which it is', async () => {
    const { page, context } = await stack.signIn(ana);
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Français' });
    await page.getByRole('link', { name: /Signaler une agression/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.reload();
    await page.getByRole('link', { name: /Signaler une agression/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await checkPage(page, 'agent-home');
    await context.close();
  });
});
