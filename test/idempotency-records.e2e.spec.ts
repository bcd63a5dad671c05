import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { TEST_REDIS_URL } from '@frontline/testing';
import { type TestApi, type TestRequest, person, startTestApi } from './support/test-api';

/** What a reader of the stores sees: every Redis key under the test's prefix with its value, one string each. */
async function everythingInRedis(prefix: string): Promise<string[]> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const found: string[] = [];
    for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 500 })) {
      for (const key of keys as string[]) found.push(`${key} => ${JSON.stringify(await valueOf(redis, key))}`);
    }
    return found;
  } finally {
    await redis.quit();
  }
}

async function valueOf(redis: Redis, key: string): Promise<unknown> {
  switch (await redis.type(key)) {
    case 'string':
      return redis.get(key);
    case 'hash':
      return redis.hgetall(key);
    case 'set':
      return redis.smembers(key);
    case 'zset':
      return redis.zrange(key, '0', '-1', 'WITHSCORES');
    case 'list':
      return redis.lrange(key, 0, -1);
    case 'stream':
      return redis.xrange(key, '-', '+');
    default:
      return null;
  }
}

/** Every row of every table of the test database, as text (bytea as hex). */
async function everythingInPostgres(url: string): Promise<string[]> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const { rows: tables } = await db.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const rows = await Promise.all(
      tables.map(async ({ name }) => (await db.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t`)).rows),
    );
    return rows.flat().map(({ row }) => row);
  } finally {
    await db.end();
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

describe('Idempotency-Key records', () => {
  let api: TestApi;
  const admin = person(['admin']);
  const agentName = 'Canary Agnes Okonkwo-Lindqvist';
  const customerRef = '+44 7700 900417';
  const narrative = 'Canary narrative: the caller said he knew where I park';
  const quote = 'Canary quote: Agnes untangled my bill in minutes';
  /** Every request sent with a key, and the answers of those that carry a secret. */
  const sent: TestRequest[] = [];
  const secrets: string[] = [];
  let agentId: string;
  let agentRecords: string[];

  const send = async (request: TestRequest, key: string) => {
    const keyed = { ...request, headers: { 'idempotency-key': key } };
    sent.push(keyed);
    const first = await api.request(keyed);
    expect({ url: request.url, status: first.status }).toEqual({ url: request.url, status: expect.any(Number) });
    expect(first.status).toBeWithinRange(200, 299);
    // A retry still gets the first answer, whether it was remembered or is given again by the event store.
    const retry = await api.request(keyed);
    expect({ url: request.url, status: retry.status, body: retry.body }).toEqual({
      url: request.url,
      status: first.status,
      body: request.url === '/v1/dev/tokens' ? { token: expect.any(String) } : first.body,
    });
    return first.body;
  };
  const idempotencyKeys = async () =>
    (await everythingInRedis(api.config.REDIS_KEY_PREFIX))
      .map((line) => line.split(' => ')[0])
      .filter((key) => key.startsWith(`${api.config.REDIS_KEY_PREFIX}idempotency:`));

  beforeAll(async () => {
    api = await startTestApi('idempotency_records', { WEBHOOK_ALLOW_PRIVATE: 'true' }, { projector: true });
    const { teamId } = await send(
      { method: 'POST', url: '/v1/teams', as: admin, body: { name: 'Canaries' } },
      'team-1',
    );
    const enrolment = { displayName: agentName, teamId, roles: ['agent'], timezone: 'Europe/London' };
    ({ personId: agentId } = await send({ method: 'POST', url: '/v1/people', as: admin, body: enrolment }, 'enrol-1'));
    const agent = { personId: agentId, roles: ['agent' as const], teamId };
    const lead = await api.enrol(['team_lead'], teamId);

    const before = new Set(await idempotencyKeys());
    const report = {
      channel: 'phone',
      kinds: ['threat_of_violence'],
      severity: 'high',
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      customerRef,
      narrative,
      supportRequested: true,
      shareNarrativeWithLead: false,
    };
    await send({ method: 'POST', url: '/v1/incidents', as: agent, body: report }, 'report-1');
    agentRecords = (await idempotencyKeys()).filter((key) => !before.has(key));

    const praise = { agentId, source: 'survey', quote };
    await send({ method: 'POST', url: '/v1/praise', as: lead, body: praise }, 'praise-1');
    const hook = { url: 'http://127.0.0.1:9/hook', eventTypes: ['AnnouncementPublished'] };
    const registered = await send({ method: 'POST', url: '/v1/webhooks', as: admin, body: hook }, 'hook-1');
    const rotated = await send(
      { method: 'POST', url: `/v1/webhooks/${registered.webhookId}/rotate`, as: admin },
      'rotate-1',
    );
    const signed = await send(
      { method: 'POST', url: '/v1/dev/tokens', body: { sub: agentId, roles: ['admin'] } },
      't1',
    );
    secrets.push(registered.secret, rotated.secret, signed.token);
    await api.projectionsCaughtUp();
  }, 60_000);
  afterAll(async () => api?.close());

  /** The canaries raw, a phone number as its digits, and each request as today's plain SHA-256 fingerprint. */
  const canaries = () => [
    agentName,
    customerRef,
    customerRef.replace(/\D/g, ''),
    narrative,
    quote,
    ...secrets,
    ...secrets.map((secret) => secret.replace(/^whsec_/, '')),
    ...sent.flatMap(({ method, url, body }) => {
      const fingerprint = sha256(`${method} ${url} ${JSON.stringify(body ?? null)}`);
      return [fingerprint.toString('hex'), fingerprint.toString('base64'), fingerprint.toString('base64url')];
    }),
  ];
  const found = (stored: string[]) =>
    canaries().flatMap((canary) => {
      const hex = Buffer.from(canary).toString('hex');
      return stored
        .filter((entry) => entry.includes(canary) || entry.includes(hex))
        .map((entry) => ({ canary, entry }));
    });

  it('keep no request body, fingerprint, secret or token that a reader of Redis or PostgreSQL could recover', async () => {
    expect(agentRecords.length).toBeGreaterThan(0);
    expect(found(await everythingInRedis(api.config.REDIS_KEY_PREFIX))).toEqual([]);
    expect(found(await everythingInPostgres(api.database.url))).toEqual([]);
  });

  it('are forgotten with the person when their personal data is erased', async () => {
    const others = (await idempotencyKeys()).filter((key) => !agentRecords.includes(key));
    const erased = await api.request({ method: 'POST', url: `/v1/people/${agentId}/erase`, as: admin });
    expect(erased.status).toBe(200);

    const left = await idempotencyKeys();
    expect(agentRecords.filter((key) => left.includes(key))).toEqual([]);
    // Only the erased person's: everyone else's retries still get their first answers.
    expect(others.every((key) => left.includes(key))).toBe(true);
    expect(found(await everythingInRedis(api.config.REDIS_KEY_PREFIX))).toEqual([]);
  });
});
