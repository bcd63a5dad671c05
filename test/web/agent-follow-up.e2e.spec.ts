import { type Person, type WebStack, checkPage, choose, startWebStack } from './support/web-stack';

/** What the agent does after a report, and with colleagues: in Chromium against the real stack. */
describe('agent following up', () => {
  let stack: WebStack;
  let ana: Person;
  let bo: Person;
  let chloe: Person;
  let dana: Person;

  beforeAll(async () => {
    stack = await startWebStack('web_agent_follow_up');
    const team = await stack.team('Chat');
    ana = await stack.person('Ana Lopez', ['agent'], team);
    bo = await stack.person('Bo Stein', ['team_lead'], team);
    const mail = await stack.team('Mail');
    chloe = await stack.person('Chloé Martin', ['agent'], mail);
    dana = await stack.person('Dana Smith', ['agent'], mail);
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

  it('agent sends kudos to two colleagues', async () => {
    const { page, context } = await stack.signIn(ana);
    await page.getByRole('link', { name: /Send kudos/ }).click();
    const find = page.getByRole('combobox', { name: 'Find a colleague' });
    await find.fill('chlo');
    await page.getByRole('option', { name: /Chloé Martin/ }).click();
    await find.fill('smi');
    await page.getByRole('option', { name: /Dana Smith/ }).click();
    await page.getByRole('textbox', { name: 'Your message' }).fill('Thank you for covering the queue on Friday.');
    await choose(page.getByRole('checkbox', { name: 'Teamwork' }));
    await choose(page.getByRole('checkbox', { name: 'Above and beyond' }));
    await page.getByRole('button', { name: 'Send kudos' }).click();
    await page.getByRole('status').filter({ hasText: 'Kudos sent to Chloé Martin, Dana Smith' }).waitFor();
    await page.getByRole('article', { name: 'From you to Chloé Martin, Dana Smith' }).waitFor();
    await checkPage(page, 'agent-send-kudos');

    await stack.api.projectionsCaughtUp();
    const feed = await stack.api.request({ method: 'GET', url: `/v1/feeds/people/${chloe.personId}`, as: chloe });
    expect(feed.body.items).toMatchObject([
      {
        from: { displayName: 'Ana Lopez' },
        to: [{ displayName: 'Chloé Martin' }, { personId: dana.personId, displayName: 'Dana Smith' }],
        values: ['teamwork', 'above_and_beyond'],
        visibility: 'team',
      },
    ]);

    // Chloé reads it among her recognition, and applauds.
    const thanked = await stack.signIn(chloe, { language: 'fr', path: '/agent/recognition' });
    const card = thanked.page.getByRole('article', { name: 'De Ana Lopez à vous, Dana Smith' });
    await card.getByRole('button', { name: 'Applaudir 0' }).click();
    await stack.api.projectionsCaughtUp();
    await thanked.page.reload();
    await card.getByRole('button', { name: 'Applaudir 1' }).waitFor();
    await checkPage(thanked.page, 'agent-my-recognition');
    await thanked.context.close();

    // Ana thinks better of it and retracts hers: it leaves every feed.
    await page.reload();
    const sent = page.getByRole('article', { name: 'From you to Chloé Martin, Dana Smith' });
    await sent.getByRole('button', { name: 'Retract my kudos' }).click();
    await stack.api.projectionsCaughtUp();
    await page.reload();
    await page.getByRole('heading', { name: 'Kudos you sent and received' }).waitFor();
    expect(await sent.count()).toBe(0);
    expect(
      (await stack.api.request({ method: 'GET', url: `/v1/feeds/people/${chloe.personId}`, as: chloe })).body.items,
    ).toEqual([]);
    await context.close();
  });

  it('agent logs a walk and answers the weekly pulse, once', async () => {
    const { page, context } = await stack.signIn(dana);
    await page.getByRole('link', { name: /My wellbeing/ }).click();
    for (const [question, score] of [
      ['How do you feel this week?', '4'],
      ['How much energy do you have?', '3'],
      ['How heavy is your workload?', '5 (heavy)'],
    ])
      await choose(page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: score, exact: true }));
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('status').filter({ hasText: 'mood 4, energy 3, workload 5' }).waitFor();

    await page.getByRole('combobox', { name: 'Activity' }).selectOption({ label: 'Walk' });
    await page.getByRole('spinbutton', { name: 'Minutes' }).fill('20');
    await page.getByRole('button', { name: 'Log it' }).click();
    await page.getByRole('status').filter({ hasText: 'Logged: Walk, 20 minutes.' }).waitFor();
    // The list asks again until the read model has it.
    await page.getByRole('listitem').filter({ hasText: 'Walk, 20 minutes' }).waitFor();
    // Answered this week: the pulse is not asked again.
    expect(await page.getByRole('button', { name: 'Send my answers' }).count()).toBe(0);
    await checkPage(page, 'agent-my-wellbeing');

    const mine = await stack.api.request({ method: 'GET', url: '/v1/me/wellbeing', as: dana });
    expect(mine.body).toMatchObject({
      items: [{ kind: 'walk', minutes: 20 }],
      pulses: [{ mood: 4, energy: 3, workload: 5 }],
    });
    await context.close();
  });
});
