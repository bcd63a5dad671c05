import { ERASED } from '@frontline/platform';
import { PHONE, type Person, type WebStack, checkPage, startWebStack } from './support/web-stack';

/** The admin's pages, end to end in Chromium: the built app, the real api, projector and worker, OIDC sign-in. */
describe('admin pages', () => {
  let stack: WebStack;
  let ada: Person;
  let floor: string;

  beforeAll(async () => {
    // The journey's webhook posts to a loopback address that nothing listens on.
    stack = await startWebStack('web_admin', { WEBHOOK_ALLOW_PRIVATE: 'true' });
    const office = await stack.team('Head office');
    floor = await stack.team('Floor');
    ada = await stack.person('Ada Admin', ['admin'], office);
  }, 120_000);
  afterAll(() => stack?.close(), 30_000);

  const get = async (url: string) => (await stack.api.request({ method: 'GET', url, as: ada })).body;
  const membersOf = async (teamName: string) => {
    await stack.api.projectionsCaughtUp();
    const teams = (await get('/v1/teams?limit=100')).items as { teamId: string; name: string }[];
    const team = teams.find(({ name }) => name === teamName);
    return team ? ((await get(`/v1/teams/${team.teamId}/members?limit=100`)).items as { displayName: string }[]) : [];
  };

  it('an admin imports people from a CSV after fixing the rows the dry run refused', async () => {
    const { page, context } = await stack.signIn(ada);
    await checkPage(page, 'admin-home');
    await page.getByRole('link', { name: /Import from CSV/ }).click();
    await page.getByRole('heading', { name: 'Import teams and people' }).waitFor();

    const csv = page.getByRole('textbox', { name: 'CSV' });
    const header = 'userName,displayName,team,parentTeam,roles,timezone';
    await csv.fill(
      [
        header,
        'noor@example.com,Noor Saleh,Night shift,,agent,Europe/Paris',
        'liam@example.com,Liam Ortiz,Night shift,,boss,Europe/Paris',
        'mei@example.com,Mei Chen,Night shift,,agent;team_lead,Mars/Olympus',
      ].join('\n'),
    );
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Check (nothing is written)' }).click();
    await page.getByRole('heading', { name: /Rows refused: 2/ }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'boss' }).textContent()).toMatch(/^3roles/);
    expect(await page.getByRole('row').filter({ hasText: 'IANA' }).textContent()).toMatch(/^4timezone/);
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await checkPage(page, 'admin-import-refused');
    // The columns, the CSV and the refused rows fit a phone's width: nothing to scroll sideways.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    expect(await membersOf('Night shift')).toEqual([]);

    await csv.fill(
      [
        header,
        'noor@example.com,Noor Saleh,Night shift,,agent,Europe/Paris',
        'liam@example.com,Liam Ortiz,Night shift,,agent,Europe/Paris',
        'mei@example.com,Mei Chen,Night shift,,agent;team_lead,Asia/Shanghai',
      ].join('\n'),
    );
    await page.getByRole('button', { name: 'Check (nothing is written)' }).click();
    await page.getByRole('status').filter({ hasText: 'The file is good' }).waitFor();
    expect(await page.getByRole('heading', { name: /Rows refused/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'people enrolled: 3' }).waitFor();
    await checkPage(page, 'admin-import-done');

    expect((await membersOf('Night shift')).map(({ displayName }) => displayName).sort()).toEqual([
      'Liam Ortiz',
      'Mei Chen',
      'Noor Saleh',
    ]);
    await context.close();
  });

  it('an admin registers a webhook and sees its secret once', async () => {
    const { page, context } = await stack.signIn(ada, { path: '/admin/webhooks' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.url });
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: 'Address (https)' }).fill('http://127.0.0.1:9/services/T000/tok3n');
    await page.getByRole('textbox', { name: 'Event types' }).fill('CareAlertRaised, AnnouncementPublished');
    await page.getByRole('button', { name: 'Register' }).click();

    await page.getByRole('heading', { name: 'Signing secret' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'shown only this once' }).waitFor();
    const secret = (await page.getByLabel('Secret', { exact: true }).textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole('button', { name: 'Copy the secret' }).press('Enter');
    await page.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(secret);
    const listed = page.getByRole('listitem').filter({ hasText: 'CareAlertRaised, AnnouncementPublished' });
    await listed.getByText('Active').waitFor();
    await checkPage(page, 'admin-webhook-secret');

    // Never again: not after a reload, not in the list, not the url's path.
    await page.reload();
    await listed.getByText('http://127.0.0.1:9', { exact: true }).waitFor();
    expect(await page.getByRole('heading', { name: 'Signing secret' }).count()).toBe(0);
    const shown = (await page.locator('main').textContent()) ?? '';
    expect(shown).not.toContain(secret);
    expect(shown).not.toContain('tok3n');

    await listed.getByRole('button', { name: /Rotate the secret/ }).click();
    const rotated = (await page.getByLabel('Secret', { exact: true }).textContent()) ?? '';
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await listed.getByRole('button', { name: /Disable/ }).click();
    await listed.getByText('Disabled').waitFor();
    expect(await page.getByRole('heading', { name: 'Signing secret' }).count()).toBe(0);
    await context.close();
  });

  it('an admin erases a person after confirming', async () => {
    const cy = await stack.person('Cy Moreau', ['agent'], floor);
    const { page, context } = await stack.signIn(ada, { path: '/admin/directory' });
    await page.getByRole('heading', { name: 'Teams and people' }).waitFor();
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Floor' });
    await page.getByText('Cy Moreau', { exact: true }).waitFor();
    await checkPage(page, 'admin-directory');

    await page.getByRole('button', { name: 'Erase Cy Moreau…' }).click();
    const dialog = page.getByRole('alertdialog', { name: "Erase Cy Moreau's personal data?" });
    await dialog.getByText('cannot be undone').waitFor();
    const confirm = dialog.getByRole('button', { name: 'Erase for good' });
    // A stray click, or a near miss of the name, erases nobody.
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: /To confirm, type their name/ }).fill('Cy Moreu');
    expect(await confirm.isDisabled()).toBe(true);
    await checkPage(page, 'admin-erase-confirm');
    expect((await membersOf('Floor')).map(({ displayName }) => displayName)).toContain('Cy Moreau');

    await dialog.getByRole('textbox', { name: /To confirm, type their name/ }).fill('Cy Moreau');
    await confirm.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Erased' }).waitFor();
    expect(await dialog.count()).toBe(0);
    expect(await page.evaluate('document.activeElement.textContent')).toMatch(/Erased/);
    const erased = (await membersOf('Floor')).find((member) => member.displayName !== 'Ada Admin');
    expect(erased).toEqual({ personId: cy.personId, displayName: ERASED, roles: ['agent'] });
    await page.reload();
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Floor' });
    await page.getByText(ERASED, { exact: true }).waitFor();
    expect(await page.getByText('Cy Moreau').count()).toBe(0);
    await context.close();
  });

  it('an admin rebuilds a projection and follows its progress', async () => {
    const { page, context } = await stack.signIn(ada, { path: '/admin/projections' });
    const directory = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^directory/ }) });
    await directory.getByText('Live').waitFor();
    await checkPage(page, 'admin-projections');
    const before = (await get('/v1/projections')).projections.find(
      (projection: { name: string }) => projection.name === 'directory',
    ).serving.version as string;

    await directory.getByRole('button', { name: 'Rebuild directory' }).click();
    await directory
      .getByRole('status')
      .filter({ hasText: /Rebuild into|Rebuilding as/ })
      .waitFor();
    await directory
      .getByRole('status')
      .filter({ hasText: /Rebuilt: .* now serves/ })
      .waitFor({ timeout: 30_000 });
    await directory.getByRole('button', { name: 'Rebuild directory' }).waitFor();
    const after = (await get('/v1/projections')).projections.find(
      (projection: { name: string }) => projection.name === 'directory',
    ).serving.version as string;
    expect(after).not.toBe(before);
    expect(await directory.textContent()).toContain(after);
    await context.close();
  });

  it('shows every admin page in French without an accessibility violation', async () => {
    const { page, context } = await stack.signIn(ada, { language: 'fr', path: '/admin' });
    await checkPage(page, 'admin-home');
    for (const [path, name] of [
      ['/admin/directory', 'admin-directory'],
      ['/admin/import', 'admin-import'],
      ['/admin/webhooks', 'admin-webhooks'],
      ['/admin/projections', 'admin-projections'],
    ]) {
      await page.goto(`${stack.url}${path}`);
      await page.locator('main h1').waitFor();
      // Not 'networkidle': the navigation holds the person's live stream open on every page.
      await page.getByText('Chargement…').first().waitFor({ state: 'detached' });
      await checkPage(page, name);
    }
    await page.goto(`${stack.url}/admin/import`);
    await page
      .getByRole('textbox', { name: 'CSV' })
      .fill('userName,displayName,team,roles,timezone\nzoe@example.com,Zoé Petit,Nuit,chef,Europe/Paris');
    await page.getByRole('button', { name: "Vérifier (rien n'est écrit)" }).click();
    await page.getByRole('row').filter({ hasText: 'plusieurs séparés par' }).waitFor();
    await checkPage(page, 'admin-import-refused');

    await page.goto(`${stack.url}/admin/directory`);
    await page.getByLabel('Équipe', { exact: true }).selectOption({ label: 'Night shift' });
    await page.getByRole('button', { name: 'Effacer Noor Saleh…' }).click();
    await page.getByRole('alertdialog').getByText('irréversible').waitFor();
    await checkPage(page, 'admin-erase-confirm');
    await context.close();
  });
});
