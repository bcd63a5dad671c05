import { type Person, type WebStack, checkPage, startWebStack } from './support/web-stack';

/** What the agent does after a report, and with colleagues: in Chromium against the real stack. */
describe('agent following up', () => {
  let stack: WebStack;
  let ana: Person;
  let bo: Person;

  beforeAll(async () => {
    stack = await startWebStack('web_agent_follow_up');
    const team = await stack.team('Chat');
    ana = await stack.person('Ana Lopez', ['agent'], team);
    bo = await stack.person('Bo Stein', ['team_lead'], team);
  }, 120_000);
  afterAll(() => stack?.close(), 30_000);

  it('agent reads who opened their report', async () => {
    const incidentId = '5d0c6a43-56a8-4e43-9a77-0b7d5fd7c001';
    const report = await stack.api.request({
      method: 'POST',
      url: '/v1/incidents',
      as: ana,
      body: {
        incidentId,
        channel: 'phone',
        kinds: ['shouting'],
        severity: 'moderate',
        occurredAt: new Date(Date.now() - 600_000).toISOString(),
        narrative: 'Shouted for five minutes.',
        supportRequested: true,
        shareNarrativeWithLead: true,
      },
    });
    expect(report.status).toBe(201);
    for (const [method, url, body] of [
      ['GET', `/v1/incidents/${incidentId}`, undefined],
      ['POST', `/v1/incidents/${incidentId}/acknowledge`, undefined],
      ['POST', `/v1/incidents/${incidentId}/support-offers`, { kind: 'debrief' }],
    ] as const)
      expect((await stack.api.request({ method, url, body, as: bo })).status).toBeLessThan(300);
    await stack.api.projectionsCaughtUp();

    const { page, context } = await stack.signIn(ana);
    await page.getByRole('link', { name: /My reports/ }).click();
    await page.getByRole('link', { name: 'Shouting' }).click();
    await page.getByRole('heading', { name: 'Who opened this report' }).waitFor();

    const log = page.getByRole('table', { name: 'Who opened this report' });
    await log.getByRole('row', { name: /Bo Stein/ }).waitFor();
    expect(
      await log
        .getByRole('row', { name: /Bo Stein/ })
        .first()
        .textContent(),
    ).toMatch(/Team lead.*with your words/);
    expect(await page.getByText('Acknowledged', { exact: true }).count()).toBe(1);
    await checkPage(page, 'agent-my-report');

    // The lead offered a debrief; the care workflow, a recovery break (support was asked for).
    const debrief = page.getByRole('group', { name: 'Support offered: a debrief' });
    await debrief.getByRole('button', { name: 'Yes, please' }).click();
    await debrief.getByText('you accepted').waitFor();
    await page.getByRole('button', { name: /recovery break/ }).click();
    await page.getByRole('status').filter({ hasText: 'recovery break has started' }).waitFor();
    const incident = await stack.api.request({ method: 'GET', url: `/v1/incidents/${incidentId}`, as: ana });
    expect(incident.body).toMatchObject({
      supportOffers: expect.arrayContaining([{ kind: 'debrief', by: bo.personId, status: 'accepted' }]),
      recoveryBreaks: [10],
    });

    await page.getByRole('link', { name: 'All my reports' }).click();
    await page.getByRole('link', { name: 'Shouting' }).waitFor();
    await checkPage(page, 'agent-my-reports');
    await context.close();

    const french = await stack.signIn(ana, { language: 'fr', path: `/agent/incidents/${incidentId}` });
    await french.page.getByRole('table', { name: 'Qui a ouvert ce signalement' }).waitFor();
    await checkPage(french.page, 'agent-my-report');
    await french.context.close();
  });
});
