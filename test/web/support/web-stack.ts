import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { CommandBus } from '@nestjs/cqrs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { CreateTeamCommand, EnrolPersonCommand } from '@frontline/directory';
import { type Role, jobContext } from '@frontline/platform';
import { type DevProvider, freePort, startDevProvider } from '../../support/dev-provider';
import { type TestApi, startTestApi } from '../../support/test-api';
import { launchChromium, signInThroughProvider } from './chromium';

/** WCAG 2.2 AA, every level below it included. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 900 };
/** Screenshots of every page checked, at both widths and in both languages; gitignored. */
export const SCREENSHOTS = join(__dirname, '..', '..', '..', '.frontline', 'screenshots');

export type Language = 'en' | 'fr';

export interface Person {
  personId: string;
  displayName: string;
  userName: string;
  roles: Role[];
  teamId: string;
}

export interface WebStack {
  /** Where the api serves the app, e.g. http://127.0.0.1:41234 */
  url: string;
  api: TestApi;
  provider: DevProvider;
  browser: Browser;
  team(name: string): Promise<string>;
  person(displayName: string, roles: Role[], teamId: string): Promise<Person>;
  /** A new browser (its own cookies and storage) at phone width, signed in as the person through the provider's page. */
  signIn(person: Person, options?: { language?: Language; path?: string }): Promise<SignedIn>;
  close(): Promise<void>;
}

export interface SignedIn {
  page: Page;
  context: BrowserContext;
}

/**
 * The real api (serving the built app from dist/web: `npm run build`), projector and worker on
 * their own database and Redis prefix, the development OpenID Provider, and one Chromium: started
 * once per spec file; `env` adds to the apps' settings.
 */
export async function startWebStack(label: string, env: Record<string, string> = {}): Promise<WebStack> {
  const [issuerPort, apiPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${apiPort}`;
  const oidc = { AUTH_MODE: 'oidc', OIDC_ISSUER: `http://127.0.0.1:${issuerPort}`, OIDC_AUDIENCE: 'urn:frontline:api' };
  const api = await startTestApi(label, { ...env, ...oidc }, { projector: true, worker: true });
  await api.app.listen({ port: apiPort, host: '127.0.0.1' });
  const provider = await startDevProvider({
    ...oidc,
    DATABASE_URL: api.database.url,
    REDIS_KEY_PREFIX: api.config.REDIS_KEY_PREFIX,
    DEV_OIDC_REDIRECT_URIS: `${url}/callback`,
  });
  const browser = await launchChromium();
  const run = (command: object) => api.app.get(CommandBus).execute(command as never);
  const context = () => jobContext(`web-${randomUUID()}`);

  return {
    url,
    api,
    provider,
    browser,
    async team(name) {
      const teamId = randomUUID();
      await run(new CreateTeamCommand({ teamId, name }, context()));
      return teamId;
    },
    async person(displayName, roles, teamId) {
      const personId = randomUUID();
      const userName = `${displayName.toLowerCase().replace(/\W+/g, '.')}@example.com`;
      await run(
        new EnrolPersonCommand(
          { personId, teamId, displayName, roles, timezone: 'Europe/Paris', identity: { userName } },
          context(),
        ),
      );
      await api.projectionsCaughtUp();
      return { personId, displayName, userName, roles, teamId };
    },
    async signIn(person, { language = 'en', path = '/' } = {}) {
      const browserContext = await browser.newContext({
        viewport: PHONE,
        locale: language === 'fr' ? 'fr-FR' : 'en-GB',
        timezoneId: 'Europe/Paris',
      });
      // A step that cannot happen fails with Playwright's message, well before the spec's own timeout.
      browserContext.setDefaultTimeout(10_000);
      const page = await browserContext.newPage();
      await signInThroughProvider(page, url, `${url}${path}`, person.displayName);
      return { page, context: browserContext };
    },
    async close() {
      await browser.close().catch(() => undefined);
      await provider.stop();
      await api.close();
    },
  };
}

/**
 * The page as it is now passes axe (WCAG 2.2 AA) at phone width, and is saved as a screenshot at
 * phone and desktop widths under .frontline/screenshots/<name>-<language>-{phone,desktop}.png.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  const language = (await page.locator('html').getAttribute('lang')) ?? 'unknown';
  await mkdir(SCREENSHOTS, { recursive: true });
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    help: violation.help,
    nodes: violation.nodes.map((node) => node.target.join(' ')),
  }));
  expect({ page: `${name} (${language})`, violations }).toEqual({ page: `${name} (${language})`, violations: [] });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-${language}-phone.png`), fullPage: true });
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-${language}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
}

/**
 * Ticks a radio button or checkbox from the keyboard, as a keyboard or screen reader user does
 * (react-aria's inputs are visually hidden behind their labels, so a pointer click lands on the label).
 */
export async function choose(target: Locator): Promise<void> {
  if (!(await target.isChecked())) await target.press('Space');
  if (!(await target.isChecked())) throw new Error(`Space did not tick ${String(target)}`);
}

/**
 * Presses Tab (at most `limit` times) until the target has the focus, as a keyboard user moves
 * through a page; fails if it never does. Returns how many presses it took.
 */
export async function tabTo(page: Page, target: Locator, limit = 40): Promise<number> {
  for (let presses = 0; presses <= limit; presses += 1) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement).catch(() => false))
      return presses;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

/** Counts what the user does (a click, a key press, a choice), so a journey can hold to its budget. */
export class Interactions {
  count = 0;
  async click(target: Locator): Promise<void> {
    this.count += 1;
    await target.click();
  }
  async choose(target: Locator): Promise<void> {
    this.count += 1;
    await choose(target);
  }
  async press(target: Locator, key: string): Promise<void> {
    this.count += 1;
    await target.press(key);
  }
  /** Typing a text is one interaction, however long the text. */
  async fill(target: Locator, text: string): Promise<void> {
    this.count += 1;
    await target.fill(text);
  }
}
