import type { Page } from 'playwright-core';
import { DESKTOP, type Person, type WebStack, checkPage, startWebStack } from './support/web-stack';

/**
 * The thank-you wall in Chromium: HR makes a wall's link in the app, a screen opens it in a browser
 * of its own (no sign-in), and kudos sent from an agent's browser appear on it as they are sent.
 */
describe('the kudos wall', () => {
  let stack: WebStack;
  let hana: Person;
  let ana: Person;
  let bo: Person;

  beforeAll(async () => {
    stack = await startWebStack('web_kudos_wall');
    const team = await stack.team('Phones');
    hana = await stack.person('Hana Ruiz', ['hr'], team);
    ana = await stack.person('Ana Lopez', ['agent'], team);
    bo = await stack.person('Bo Stein', ['agent'], team);
  }, 120_000);
  afterAll(() => stack?.close(), 30_000);

  /** Sends a kudos from the signed-in page, with the bearer token the app holds, as the app does. */
  const sendKudos = (page: Page, body: object) =>
    page.evaluate(async (kudos) => {
      const key = Object.keys(sessionStorage).find((name) => name.startsWith('oidc.user:'))!;
      const { access_token: token } = JSON.parse(sessionStorage.getItem(key)!) as { access_token: string };
      const response = await fetch('/v1/kudos', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(kudos),
      });
      return response.status;
    }, body);

  /** HR makes the organisation wall's link and reads it off the page, where it is shown once. */
  async function wallLink(language: 'en' | 'fr' = 'en'): Promise<string> {
    const { page, context } = await stack.signIn(hana, { language, path: '/hr' });
    await page.getByRole('link', { name: language === 'en' ? /^Thank-you wall/ : /^Mur des remerciements/ }).click();
    await checkPage(page, 'hr-wall-link');
    await page
      .getByRole('button', { name: language === 'en' ? "Make the wall's link" : 'Créer le lien du mur' })
      .click();
    const field = page.getByRole('textbox', {
      name: language === 'en' ? 'Address to open on the screen' : 'Adresse à ouvrir sur l’écran',
    });
    const address = await field.inputValue();
    await checkPage(page, 'hr-wall-link-made');
    await context.close();
    return address;
  }

  it('a kudos sent in one browser context appears on the wall open in another', async () => {
    const address = await wallLink();
    expect(address).toMatch(new RegExp(`^${stack.url}/wall#token=wall_`));

    // The screen on the floor: its own browser, nobody signed in, motion reduced.
    const screen = await stack.browser.newContext({ viewport: DESKTOP, locale: 'en-GB', reducedMotion: 'reduce' });
    const wall = await screen.newPage();
    await wall.goto(address);
    await wall.getByRole('heading', { name: 'Thank-you wall' }).waitFor();
    await wall.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await checkPage(wall, 'kudos-wall-empty');

    const { page, context } = await stack.signIn(ana);
    const teamOnly = { to: [bo.personId], message: 'Kept for the team', values: ['teamwork'], visibility: 'team' };
    expect(await sendKudos(page, teamOnly)).toBe(201);
    const kudos = {
      to: [bo.personId],
      message: 'You calmed that caller down',
      values: ['empathy'],
      visibility: 'public',
    };
    expect(await sendKudos(page, kudos)).toBe(201);
    const sent = Date.now();

    const latest = wall.getByRole('region', { name: 'Latest thanks' });
    await latest.getByText('Ana Lopez thanks Bo Stein').waitFor();
    console.log(`kudos on the wall ${Date.now() - sent} ms after its 201`);
    await latest.getByText('You calmed that caller down').waitFor();
    await latest.getByRole('listitem').filter({ hasText: 'Empathy' }).waitFor();
    // Only public kudos, and no count or rank of anyone: not a digit on the wall.
    const text = await wall.locator('main').innerText();
    expect(text).not.toContain('Kept for the team');
    expect(text).not.toMatch(/\d/);
    // Reduced motion: a kudos comes in without moving (the specs' tsconfig has no DOM types, hence the cast).
    type Styles = { getComputedStyle(element: unknown): { animationName: string } };
    const animation = await wall
      .locator('.wall-card')
      .first()
      .evaluate((card) => (globalThis as unknown as Styles).getComputedStyle(card).animationName);
    expect(animation).toBe('none');
    await checkPage(wall, 'kudos-wall');

    // A second one comes to the front; the first stays on the wall, below.
    expect(await sendKudos(page, { ...kudos, message: 'Thanks for the cover at lunch', values: ['ownership'] })).toBe(
      201,
    );
    await latest.getByText('Thanks for the cover at lunch').waitFor();
    await wall.getByRole('region', { name: 'More thanks' }).getByText('You calmed that caller down').waitFor();
    await context.close();
    await screen.close();
  });

  it('shows the wall and its link in French without an accessibility violation', async () => {
    const address = await wallLink('fr');
    const screen = await stack.browser.newContext({ viewport: DESKTOP, locale: 'fr-FR' });
    const wall = await screen.newPage();
    await wall.goto(address);
    await wall.getByRole('heading', { name: 'Mur des remerciements' }).waitFor();
    await wall.getByRole('status').filter({ hasText: 'En direct' }).waitFor();
    await checkPage(wall, 'kudos-wall-empty');
    await screen.close();
  });

  it('a wall without a valid link says so', async () => {
    const screen = await stack.browser.newContext({ viewport: DESKTOP, locale: 'en-GB' });
    const wall = await screen.newPage();
    await wall.goto(`${stack.url}/wall`);
    await wall.getByRole('status').filter({ hasText: 'This address has no wall link' }).waitFor();
    expect(await wall.getByText('Kudos appear here').count()).toBe(0);
    const unknown = await screen.newPage();
    await unknown.goto(`${stack.url}/wall#token=wall_${'x'.repeat(43)}`);
    await unknown.getByRole('status').filter({ hasText: "This wall's link no longer works" }).waitFor();
    expect(await unknown.locator('.wall-card').count()).toBe(0);
    await screen.close();
  });
});
