import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Actor } from '@frontline/platform';
import { PersonalData } from '@frontline/platform';
import { deleteRedisKeys } from '@frontline/testing';
import { type TestApi, person, startTestApi } from './support/test-api';

describe('recognition endpoints', () => {
  let api: TestApi;
  let db: Client;
  const admin = person(['admin']);
  const [t1, t2, t3] = [randomUUID(), randomUUID(), randomUUID()];
  const ana = person(['agent'], t1);
  const bo = person(['agent'], t2);
  const mate = person(['agent'], t2);
  const cy = person(['agent'], t3);
  const gone = person(['agent'], t1);
  const lead = person(['team_lead'], t1);
  const stranger = person(['agent'], t1);

  const post = (url: string, as: Actor, body?: unknown, headers?: Record<string, string>) =>
    api.request({ method: 'POST', url, as, body, headers });
  const kudos = (overrides: Record<string, unknown> = {}) => ({
    to: [bo.personId],
    message: 'Thank you for taking over that difficult call',
    values: ['empathy', 'teamwork'],
    visibility: 'public',
    ...overrides,
  });
  const send = async (as: Actor, overrides: Record<string, unknown> = {}) => {
    const response = await post('/v1/kudos', as, kudos(overrides));
    expect(response.status).toBe(201);
    return response.body.kudosId as string;
  };
  const eventsOf = async (stream: string) =>
    (
      await db.query<{ event_type: string; data: Record<string, unknown> }>(
        'SELECT event_type, data FROM eventstore.events WHERE stream_name = $1 ORDER BY stream_revision',
        [stream],
      )
    ).rows;
  const allowanceStream = (senderId: string) => `kudosAllowance-${senderId}_${new Date().toISOString().slice(0, 10)}`;

  /** Directory set-up through the API; it stops the file if the directory refuses. */
  const asAdmin = async (url: string, body?: unknown) => {
    const response = await post(url, admin, body);
    if (response.status >= 300) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(response.body)}`);
  };

  beforeAll(async () => {
    api = await startTestApi('recognition');
    db = new Client({ connectionString: api.database.url });
    await db.connect();
    for (const [teamId, name] of [
      [t1, 'Phones'],
      [t2, 'Chat'],
      [t3, 'Email'],
    ]) {
      await asAdmin('/v1/teams', { teamId, name });
    }
    for (const [who, name] of [
      [ana, 'Ana'],
      [bo, 'Bo'],
      [mate, 'Mate'],
      [cy, 'Cy'],
      [gone, 'Gone'],
      [lead, 'Lead'],
    ] as const) {
      const body = { personId: who.personId, displayName: name, teamId: who.teamId, roles: who.roles, timezone: 'UTC' };
      await asAdmin('/v1/people', body);
    }
    await asAdmin(`/v1/people/${gone.personId}/offboard`);
  });

  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  const expectProblem = (response: { status: number; body: { type: string } }, status: number, type: string) => {
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ type, status });
  };

  describe('POST /v1/kudos', () => {
    it('sends kudos and spends one of the sender’s daily allowance', async () => {
      const kudosId = await send(ana, { to: [bo.personId, cy.personId], campaignId: randomUUID() });

      expect(await eventsOf(`kudos-${kudosId}`)).toEqual([
        {
          event_type: 'KudosSent',
          data: expect.objectContaining({
            kudosId,
            fromId: ana.personId,
            toIds: [bo.personId, cy.personId],
            values: ['empathy', 'teamwork'],
            visibility: 'public',
            campaignId: expect.any(String),
            sentAt: expect.any(String),
            fromTeamId: t1,
            toTeamIds: [t2, t3],
            // Teams without a parent are their own sites.
            fromSiteId: t1,
            toSiteIds: [t2, t3],
          }),
        },
      ]);
      expect(await eventsOf(allowanceStream(ana.personId))).toContainEqual({
        event_type: 'KudosAllowanceSpent',
        data: { kudosId },
      });
    });

    it('records the site of each team, its root ancestor', async () => {
      const chatB = randomUUID();
      await asAdmin('/v1/teams', { teamId: chatB, name: 'Chat B', parentTeamId: t2 });
      const newcomer = person(['agent'], chatB);
      const body = {
        personId: newcomer.personId,
        displayName: 'New',
        teamId: chatB,
        roles: ['agent'],
        timezone: 'UTC',
      };
      await asAdmin('/v1/people', body);
      const kudosId = await send(newcomer, { to: [ana.personId, mate.personId] });

      expect((await eventsOf(`kudos-${kudosId}`))[0].data).toMatchObject({
        fromTeamId: chatB,
        fromSiteId: t2,
        toTeamIds: [t1, t2],
        toSiteIds: [t1, t2],
      });
    });

    it('refuses kudos to yourself', async () =>
      expectProblem(
        await post('/v1/kudos', ana, kudos({ to: [bo.personId, ana.personId] })),
        409,
        '/problems/kudos-to-self',
      ));

    it('refuses a recipient nobody enrolled, naming them', async () => {
      const nobody = randomUUID();
      const response = await post('/v1/kudos', ana, kudos({ to: [bo.personId, nobody] }));
      expectProblem(response, 404, '/problems/unknown-recipient');
      expect(response.body.title).toContain(nobody);
    });

    it('refuses a recipient who left, naming them', async () => {
      const response = await post('/v1/kudos', ana, kudos({ to: [gone.personId] }));
      expectProblem(response, 409, '/problems/recipient-not-active');
      expect(response.body.title).toContain(gone.personId);
    });

    it('refuses a sender who is not an active member', async () => {
      expectProblem(await post('/v1/kudos', stranger, kudos()), 403, '/problems/sender-not-active');
      // Someone who left is refused at the door, on every route, before any rule of kudos.
      expectProblem(await post('/v1/kudos', gone, kudos()), 403, '/problems/not-enrolled');
    });

    it('spends no allowance on refused kudos', async () => {
      const before = (await eventsOf(allowanceStream(bo.personId))).length;
      await post('/v1/kudos', bo, kudos({ to: [bo.personId] }));
      await post('/v1/kudos', bo, kudos({ to: [gone.personId] }));
      expect(await eventsOf(allowanceStream(bo.personId))).toHaveLength(before);
    });

    it.each([
      ['no recipients', { to: [] }, 'to'],
      ['11 recipients', { to: Array.from({ length: 11 }, () => randomUUID()) }, 'to'],
      ['the same recipient twice', { to: Array(2).fill(randomUUID()) }, 'to'],
      ['an empty message', { message: '' }, 'message'],
      ['a message over 500 characters', { message: 'x'.repeat(501) }, 'message'],
      ['four values', { values: ['empathy', 'teamwork', 'ownership', 'clear_writing'] }, 'values'],
      ['an unknown value', { values: ['speed'] }, 'values'],
      ['an unknown visibility', { visibility: 'secret' }, 'visibility'],
      ['an unknown field', { from: randomUUID() }, 'from'],
    ])('answers %s with 400 naming the field', async (_, overrides, field) => {
      const response = await post('/v1/kudos', ana, kudos(overrides));
      expectProblem(response, 400, '/problems/invalid-request');
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('answers a retry with the same Idempotency-Key with the same kudos, spending the allowance once', async () => {
      const headers = { 'idempotency-key': `kudos-${randomUUID()}` };
      const first = await post('/v1/kudos', mate, kudos({ to: [cy.personId] }), headers);
      const retry = await post('/v1/kudos', mate, kudos({ to: [cy.personId] }), headers);

      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual({ kudosId: first.body.kudosId });
      expect(await eventsOf(`kudos-${first.body.kudosId}`)).toHaveLength(1);
      expect(await eventsOf(allowanceStream(mate.personId))).toEqual([
        { event_type: 'KudosAllowanceSpent', data: { kudosId: first.body.kudosId } },
      ]);
    });

    it('recognises a retry from the event store alone when the answer is no longer remembered', async () => {
      const headers = { 'idempotency-key': `kudos-${randomUUID()}` };
      const first = await post('/v1/kudos', cy, kudos({ to: [mate.personId] }), headers);
      await deleteRedisKeys(`${api.config.REDIS_KEY_PREFIX}idempotency:`);
      const retry = await post('/v1/kudos', cy, kudos({ to: [mate.personId] }), headers);

      expect(retry.status).toBe(201);
      expect(retry.body).toEqual({ kudosId: first.body.kudosId });
      expect(await eventsOf(`kudos-${first.body.kudosId}`)).toHaveLength(1);
      expect(await eventsOf(allowanceStream(cy.personId))).toHaveLength(1);
    });
  });

  describe('reactions', () => {
    it('adds one reaction per person and emoji, and takes it back', async () => {
      const kudosId = await send(ana);
      const url = `/v1/kudos/${kudosId}/reactions`;

      expect((await post(url, cy, { emoji: '🎉' })).status).toBe(200);
      expect((await post(url, cy, { emoji: '🎉' })).status).toBe(200);
      expect((await post(url, bo, { emoji: '🎉' })).status).toBe(200);
      const removed = await api.request({ method: 'DELETE', url: `${url}/${encodeURIComponent('🎉')}`, as: cy });
      expect(removed.status).toBe(200);
      const again = await api.request({ method: 'DELETE', url: `${url}/${encodeURIComponent('🎉')}`, as: cy });
      expect(again.status).toBe(200);

      expect((await eventsOf(`kudos-${kudosId}`)).map((event) => [event.event_type, event.data.personId])).toEqual([
        ['KudosSent', undefined],
        ['KudosReactionAdded', cy.personId],
        ['KudosReactionAdded', bo.personId],
        ['KudosReactionRemoved', cy.personId],
      ]);
    });

    it('lets only the sender, recipients and their teams react to team kudos', async () => {
      const kudosId = await send(ana, { visibility: 'team' });
      const url = `/v1/kudos/${kudosId}/reactions`;
      expect((await post(url, mate, { emoji: '👏' })).status).toBe(200);
      expect((await post(url, lead, { emoji: '👏' })).status).toBe(200);
      expectProblem(await post(url, cy, { emoji: '👏' }), 404, '/problems/unknown-kudos');
    });

    it('lets only the sender and recipients react to private kudos', async () => {
      const kudosId = await send(ana, { visibility: 'private' });
      const url = `/v1/kudos/${kudosId}/reactions`;
      expect((await post(url, bo, { emoji: '👏' })).status).toBe(200);
      expectProblem(await post(url, mate, { emoji: '👏' }), 404, '/problems/unknown-kudos');
      expectProblem(await api.request({ method: 'DELETE', url: `${url}/x`, as: mate }), 404, '/problems/unknown-kudos');
    });

    it('knows no kudos never sent', async () =>
      expectProblem(
        await post(`/v1/kudos/${randomUUID()}/reactions`, cy, { emoji: '👏' }),
        404,
        '/problems/unknown-kudos',
      ));

    it('takes a short emoji without whitespace', async () => {
      const kudosId = await send(ana);
      const url = `/v1/kudos/${kudosId}/reactions`;
      expectProblem(await post(url, cy, { emoji: 'thumbs up' }), 400, '/problems/invalid-request');
      expectProblem(await post(url, cy, { emoji: 'x'.repeat(17) }), 400, '/problems/invalid-request');
      expectProblem(
        await api.request({ method: 'DELETE', url: `${url}/${'x'.repeat(17)}`, as: cy }),
        400,
        '/problems/invalid-emoji',
      );
    });
  });

  describe('retract and hide', () => {
    it('lets only the sender retract, once, and then takes no reactions', async () => {
      const kudosId = await send(ana);
      expectProblem(await post(`/v1/kudos/${kudosId}/retract`, bo), 403, '/problems/not-kudos-sender');
      expect((await post(`/v1/kudos/${kudosId}/retract`, ana)).status).toBe(200);
      expect((await post(`/v1/kudos/${kudosId}/retract`, ana)).status).toBe(200);
      expectProblem(await post(`/v1/kudos/${kudosId}/reactions`, cy, { emoji: '👏' }), 409, '/problems/kudos-removed');
      expect((await eventsOf(`kudos-${kudosId}`)).map((event) => event.event_type)).toEqual([
        'KudosSent',
        'KudosRetracted',
      ]);
    });

    it('lets only an admin hide, with a reason, once', async () => {
      const kudosId = await send(ana);
      const url = `/v1/kudos/${kudosId}/hide`;
      expectProblem(await post(url, lead, { reason: 'Names a customer' }), 403, '/problems/forbidden');
      expectProblem(await post(url, admin, {}), 400, '/problems/invalid-request');
      expect((await post(url, admin, { reason: 'Names a customer' })).status).toBe(200);
      expect((await post(url, admin, { reason: 'Names a customer' })).status).toBe(200);
      expectProblem(
        await api.request({ method: 'DELETE', url: `/v1/kudos/${kudosId}/reactions/x`, as: cy }),
        409,
        '/problems/kudos-removed',
      );
      expect(await eventsOf(`kudos-${kudosId}`)).toEqual([
        expect.objectContaining({ event_type: 'KudosSent' }),
        {
          event_type: 'KudosHidden',
          data: { kudosId, reason: 'Names a customer', by: admin.personId },
        },
      ]);
    });

    it('knows no kudos never sent', async () =>
      expectProblem(await post(`/v1/kudos/${randomUUID()}/retract`, ana), 404, '/problems/unknown-kudos'));
  });

  describe('POST /v1/praise', () => {
    const quote = `Ana sorted out my refund in five minutes ${randomUUID()}`;
    const praise = (overrides: Record<string, unknown> = {}) => ({
      agentId: ana.personId,
      source: 'survey',
      quote,
      ...overrides,
    });

    it('records customer praise, the quote encrypted under the agent’s key', async () => {
      const response = await post('/v1/praise', lead, praise());
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ praiseId: expect.any(String) });

      const all = await db.query<{ data: string }>('SELECT data::text FROM eventstore.events');
      expect(all.rows.some((row) => row.data.includes(quote))).toBe(false);
      const [recorded] = await eventsOf(`praise-${response.body.praiseId}`);
      expect(recorded).toMatchObject({
        event_type: 'CustomerPraiseRecorded',
        data: { agentId: ana.personId, source: 'survey', recordedBy: lead.personId },
      });
      expect(await api.app.get(PersonalData).decrypt(recorded.data.quote as string)).toBe(quote);
    });

    it('lets an admin record praise, and nobody else', async () => {
      expect((await post('/v1/praise', admin, praise())).status).toBe(201);
      expectProblem(await post('/v1/praise', bo, praise()), 403, '/problems/forbidden');
    });

    it('needs an enrolled, active agent', async () => {
      expectProblem(await post('/v1/praise', lead, praise({ agentId: randomUUID() })), 404, '/problems/unknown-agent');
      expectProblem(
        await post('/v1/praise', lead, praise({ agentId: gone.personId })),
        409,
        '/problems/agent-not-active',
      );
    });

    it.each([
      ['an unknown source', { source: 'pigeon' }, 'source'],
      ['an empty quote', { quote: '' }, 'quote'],
      ['a quote over 1,000 characters', { quote: 'x'.repeat(1001) }, 'quote'],
    ])('answers %s with 400 naming the field', async (_, overrides, field) => {
      const response = await post('/v1/praise', lead, praise(overrides));
      expectProblem(response, 400, '/problems/invalid-request');
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });
  });
});
