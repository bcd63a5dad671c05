import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { SseClient, type TestDatabase, createTestDatabase, deleteRedisKeys, testEnvironment } from '@frontline/testing';
import { freePort, running, startApp, stop } from './support/apps';

/**
 * Live streams through built apps in their own processes: two apis (one serves the streams, the
 * other takes the kudos, as behind a load balancer) and a projector, on one database and Redis.
 */
describe('live streams', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  const apps: ChildProcess[] = [];
  let streaming: { child: ChildProcess; url: string };
  let writing: { child: ChildProcess; url: string };
  const people: Record<'admin' | 'hr' | 'sender' | 'viewer' | 'colleague' | 'stranger' | 'other', string> = {
    admin: randomUUID(),
    hr: '',
    sender: '',
    viewer: '',
    colleague: '',
    stranger: '',
    other: '',
  };
  /** Each api signs development tokens with a key of its own: tokens for writes come from the writing api. */
  const tokens = new Map<string, string>();
  const roles = new Map<string, string[]>();

  async function startApi(port: number): Promise<{ child: ChildProcess; url: string }> {
    const child = startApp('api', { ...env, PORT: String(port) });
    apps.push(child);
    const url = `http://127.0.0.1:${port}`;
    for (
      const deadline = Date.now() + 60_000;
      !(await fetch(`${url}/health/ready`).then(
        (r) => r.ok,
        () => false,
      ));
    ) {
      if (Date.now() > deadline || !running(child)) throw new Error('The api did not start');
      await sleep(100);
    }
    return { child, url };
  }

  async function signIn(api: { url: string }, personId: string): Promise<string> {
    const response = await fetch(`${api.url}/v1/dev/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub: personId, roles: roles.get(personId) }),
    });
    return ((await response.json()) as { token: string }).token;
  }

  async function tokenOf(personId: string, given: string[]): Promise<void> {
    roles.set(personId, given);
    tokens.set(personId, await signIn(writing, personId));
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many shapes
  async function post(as: string, path: string, body: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(`${writing.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(as)}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json().catch(() => undefined) };
  }

  /** For a stream of the streaming api. */
  const bearer = async (personId: string) => ({ authorization: `Bearer ${await signIn(streaming, personId)}` });

  async function sendKudos(from: string, to: string, visibility: string, message = 'Thank you'): Promise<string> {
    const { status, body } = await post(from, '/v1/kudos', { to: [to], message, values: ['teamwork'], visibility });
    if (status !== 201) throw new Error(`kudos answered ${status}: ${JSON.stringify(body)}`);
    return body.kudosId;
  }

  async function enrol(teamId: string, given: string[], name: string): Promise<string> {
    const { body } = await post(people.admin, '/v1/people', {
      displayName: name,
      teamId,
      roles: given,
      timezone: 'UTC',
    });
    await tokenOf(body.personId, given);
    return body.personId;
  }

  beforeAll(async () => {
    database = await createTestDatabase('live_streams');
    env = testEnvironment(database.url, { HOST: '127.0.0.1', LIVE_HEARTBEAT_MS: '200', LIVE_STREAMS_PER_PERSON: '3' });
    writing = await startApi(await freePort());
    streaming = await startApi(await freePort());
    apps.push(startApp('projector', env));
    await tokenOf(people.admin, ['admin']);
    const team = async (name: string) => (await post(people.admin, '/v1/teams', { name })).body.teamId as string;
    const [teamA, teamB] = [await team('Floor A'), await team('Floor B')];
    people.hr = await enrol(teamB, ['hr'], 'Hana HR');
    people.sender = await enrol(teamA, ['agent'], 'Sam Sender');
    people.viewer = await enrol(teamA, ['agent'], 'Vic Viewer');
    people.colleague = await enrol(teamA, ['agent'], 'Cat Colleague');
    people.stranger = await enrol(teamA, ['agent'], 'Stan Stranger');
    people.other = await enrol(teamB, ['agent'], 'Otto Other');
  }, 120_000);

  afterAll(async () => {
    await Promise.all(apps.map(stop));
    await database?.drop();
    if (env) await deleteRedisKeys(env.REDIS_KEY_PREFIX);
  });

  const kudosIds = (client: SseClient) => client.events.map((event) => JSON.parse(event.data).kudosId as string);

  it('resumes a wall after an api restart with exactly the kudos it missed, once each', async () => {
    const created = await post(people.hr, '/v1/walls/tokens', { wall: 'org', expiresInHours: 2 });
    expect(created).toMatchObject({ status: 201, body: { token: expect.stringMatching(/^wall_/) } });
    const wallUrl = () => `${streaming.url}${created.body.streamUrl}`;
    const wall = await SseClient.open(wallUrl());
    expect(wall.status).toBe(200);

    const first = await sendKudos(people.sender, people.other, 'public', 'First');
    await wall.until(() => kudosIds(wall).includes(first));
    const lastSeen = wall.lastEventId!;

    // The api serving the wall dies without a goodbye; kudos go on through the other api.
    streaming.child.kill('SIGKILL');
    await wall.ended;
    const missed = [
      await sendKudos(people.sender, people.other, 'public', 'Second'),
      await sendKudos(people.sender, people.colleague, 'team', 'Not for a wall'),
      await sendKudos(people.colleague, people.sender, 'public', 'Third'),
    ];
    streaming = await startApi(Number(new URL(streaming.url).port));

    const resumed = await SseClient.open(wallUrl(), { 'last-event-id': lastSeen });
    const after = await sendKudos(people.other, people.sender, 'public', 'Fourth');
    await resumed.until(() => kudosIds(resumed).includes(after));
    resumed.close();

    expect(kudosIds(resumed)).toEqual([missed[0], missed[2], after]);
    const ids = resumed.events.map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(resumed.events.map((event) => event.event)).toEqual(['kudos', 'kudos', 'kudos']);
    expect(JSON.parse(resumed.events[0].data)).toMatchObject({
      from: { personId: people.sender, displayName: 'Sam Sender' },
      to: [{ personId: people.other, displayName: 'Otto Other' }],
      message: 'Second',
      values: ['teamwork'],
    });
  }, 120_000);

  it("streams a person's team kudos to them, and not a private kudos between others", async () => {
    const mine = await SseClient.open(`${streaming.url}/v1/me/stream`, await bearer(people.viewer));
    expect(mine.status).toBe(200);
    const secret = await sendKudos(people.sender, people.stranger, 'private', 'Just between us');
    const forTheTeam = await sendKudos(people.sender, people.colleague, 'team', 'Well done, team');
    const elsewhere = await sendKudos(people.other, people.hr, 'team', 'Floor B only');
    const toMe = await sendKudos(people.colleague, people.viewer, 'private', 'For you');
    await mine.until(() => kudosIds(mine).includes(toMe));
    mine.close();

    expect(kudosIds(mine)).toEqual([forTheTeam, toMe]);
    expect(kudosIds(mine)).not.toContain(secret);
    expect(kudosIds(mine)).not.toContain(elsewhere);
  }, 60_000);

  it('sends heartbeats while nothing happens', async () => {
    const wall = await SseClient.open(`${streaming.url}/v1/walls/org/stream`, await bearer(people.admin));
    await wall.until(() => wall.comments >= 3, 5_000);
    wall.close();
    expect(wall.events).toEqual([]);
  });

  it('refuses a malformed Last-Event-ID, an unknown campaign and a stream too many, before any stream starts', async () => {
    const badId = await SseClient.open(`${streaming.url}/v1/me/stream`, {
      ...(await bearer(people.viewer)),
      'last-event-id': 'kudos=yesterday',
    });
    expect(badId.status).toBe(400);
    expect(JSON.parse(badId.body!)).toMatchObject({ status: 400, title: expect.stringContaining('Last-Event-ID') });

    const unknown = await SseClient.open(
      `${streaming.url}/v1/walls/campaigns/${randomUUID()}/stream`,
      await bearer(people.hr),
    );
    expect(unknown.status).toBe(404);

    const open = await Promise.all(
      [1, 2, 3].map(async () => SseClient.open(`${streaming.url}/v1/me/stream`, await bearer(people.viewer))),
    );
    const fourth = await SseClient.open(`${streaming.url}/v1/me/stream`, await bearer(people.viewer));
    expect(open.map((client) => client.status)).toEqual([200, 200, 200]);
    expect(fourth.status).toBe(429);
    expect(JSON.parse(fourth.body!).title).toMatch(/At most 3 live streams/);
    for (const client of open) client.close();
  });

  it('ends its streams when the api shuts down, and the api exits promptly', async () => {
    const wall = await SseClient.open(`${streaming.url}/v1/walls/org/stream`, await bearer(people.admin));
    expect(wall.status).toBe(200);
    const started = Date.now();
    const exited = stop(streaming.child);
    await wall.ended;
    const streamEnded = Date.now() - started;
    await exited;
    expect(wall.broken).toBeUndefined();
    expect(streamEnded).toBeLessThan(2_000);
    // Nest closes the app, then ends the process with the signal it was sent.
    expect({ code: streaming.child.exitCode, signal: streaming.child.signalCode }).toEqual(
      expect.objectContaining(streaming.child.exitCode === null ? { signal: 'SIGTERM' } : { code: 0 }),
    );
  });
});
