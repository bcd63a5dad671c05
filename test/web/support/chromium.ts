import { type Browser, type Page, chromium } from 'playwright-core';

/** Debian's Chromium (deploy/local/install.sh installs it); never a browser downloaded by Playwright. */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chromium as the web specs and the bench drive it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Opens `address` of the app at `url` and signs in as `displayName` on the development OpenID
 * Provider's "choose who you are" page; resolves once the app shows a page back at `url`.
 */
export async function signInThroughProvider(page: Page, url: string, address: string, displayName: string) {
  await page.goto(address);
  await page.getByRole('heading', { name: 'Choose who you are' }).waitFor();
  await page.getByRole('button', { name: displayName, exact: true }).click();
  await page.waitForURL((at) => at.origin === url && at.pathname !== '/callback');
  await page.locator('main h1').first().waitFor();
}
