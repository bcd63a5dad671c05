import fc from 'fast-check';
import { Client } from 'pg';
import type { Actor } from '@frontline/platform';
import { type TestApi, person, startTestApi } from './support/test-api';

type Kind = 'string' | 'uuid' | 'enum' | 'date' | 'int' | 'bool' | 'array';
interface Field {
  kind: Kind;
  required: boolean;
}
interface WriteEndpoint {
  name: string;
  method: 'POST' | 'PUT';
  url: () => string;
  as: () => Actor | undefined;
  body: () => Record<string, unknown>;
  fields: Record<string, Field>;
  /** A valid body with this number where a nested field takes one. */
  withNestedNumber?: (value: number) => Record<string, unknown>;
}

/** A query string parameter of a read endpoint. */
type QueryKind = 'cursor' | 'limit' | 'days' | 'date' | 'enum' | 'uuid';
interface ReadEndpoint {
  name: string;
  url: () => string;
  as: () => Actor;
  query: () => Record<string, string>;
  params: Record<string, QueryKind>;
}

/** Numbers no field of the api takes: past every domain bound, past 2^53, fractional, negative. */
const extremeNumber = fc.oneof(
  fc.constantFrom(1e20, -1e20, 2 ** 53 + 2, -(2 ** 53), 1e308, -1, 0.5, 1_000_001, 2 ** 31),
  fc.double({ min: 1e7, max: 1e300, noNaN: true }),
);

/** JSON text nested far deeper than any body: arrays or objects, wherever a value goes. */
const deepJson = fc
  .tuple(fc.integer({ min: 9, max: 5_000 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  );

const mandatory = (kind: Kind): Field => ({ kind, required: true });
const optional = (kind: Kind): Field => ({ kind, required: false });

/** A value of any JSON type but the one the field takes (null means "absent" for an optional field). */
const wrongTypeFor = ({ kind, required }: Field) =>
  fc.oneof(
    ...(['int', 'bool', 'array'].includes(kind) ? [fc.string()] : []),
    ...(kind === 'int' ? [fc.double({ min: 0.1, max: 1e6, noInteger: true })] : [fc.integer()]),
    ...(kind === 'bool' ? [] : [fc.boolean()]),
    ...(required ? [fc.constant(null)] : []),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { minKeys: 1, maxKeys: 2 }),
    ...(kind === 'array' ? [] : [fc.array(fc.integer(), { maxLength: 3 })]),
  );

/** A change that makes a valid body invalid, whatever the endpoint. */
function malformation(endpoint: WriteEndpoint) {
  const names = Object.keys(endpoint.fields);
  const pick = (filter: (field: Field) => boolean) => names.filter((name) => filter(endpoint.fields[name]));
  const byKind = (...kinds: Kind[]) => pick((field) => kinds.includes(field.kind));
  const options = [
    fc
      .tuple(
        fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !names.includes(key) && key !== '__proto__'),
        fc.jsonValue(),
      )
      .map(([key, value]) => ({
        label: `extra field ${key}`,
        change: (body: Record<string, unknown>) => ({ ...body, [key]: value }),
      })),
    ...(pick((field) => field.required).length
      ? [
          fc
            .constantFrom(...pick((field) => field.required))
            .map((name) => ({ label: `missing ${name}`, change: without(name) })),
        ]
      : []),
    fc.constantFrom(...names).chain((name) =>
      wrongTypeFor(endpoint.fields[name]).map((value) => ({
        label: `wrong type for ${name}`,
        change: set(name, value),
      })),
    ),
    ...(byKind('enum').length
      ? [
          fc
            .tuple(
              fc.constantFrom(...byKind('enum')),
              fc.string({ minLength: 1, maxLength: 20 }).map((text) => `not_${text}`),
            )
            .map(([name, value]) => ({ label: `bad enum ${name}`, change: set(name, value) })),
        ]
      : []),
    ...(byKind('date', 'uuid').length
      ? [
          fc
            .tuple(
              fc.constantFrom(...byKind('date', 'uuid')),
              fc.constantFrom('yesterday', '2026-13-45', '', 'ffffffff', '12/31/2026'),
            )
            .map(([name, value]) => ({ label: `bad ${name}`, change: set(name, value) })),
        ]
      : []),
    ...(byKind('int').length
      ? [
          fc
            .tuple(fc.constantFrom(...byKind('int')), extremeNumber)
            .map(([name, value]) => ({ label: `extreme ${name} ${value}`, change: set(name, value) })),
        ]
      : []),
    ...(endpoint.withNestedNumber
      ? [
          extremeNumber.map((value) => ({
            label: `extreme nested number ${value}`,
            change: () => endpoint.withNestedNumber!(value),
          })),
        ]
      : []),
    ...(byKind('string').length
      ? [
          fc
            .constantFrom(...byKind('string'))
            .map((name) => ({ label: `huge ${name}`, change: set(name, 'x'.repeat(70_000)) })),
        ]
      : []),
  ];
  return fc.oneof(...options);
}

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const base64url = (text: string) => Buffer.from(text).toString('base64url');

/** Cursors no list gave out: the positions of today's codecs written by hand, any JSON, any text. */
const forgedCursor = fc.oneof(
  fc.constantFrom('[-5]', '[0.5]', '[1e400,"x"]', '[-1,"x"]', '[0]', '[3]', '["2026-01-01|x|y"]').map(base64url),
  fc.jsonValue({ maxDepth: 2 }).map((value) => base64url(JSON.stringify(value) ?? 'null')),
  fc.string({ maxLength: 40 }),
);

/** A change that makes a valid query string invalid, whatever the read endpoint. */
function queryMalformation(endpoint: ReadEndpoint) {
  const names = Object.keys(endpoint.params);
  const has = (kind: QueryKind) => names.some((name) => endpoint.params[name] === kind);
  const options = [
    fc.constantFrom(...PROTOTYPE_NAMES).map((key) => ({ label: `prototype key ${key}`, key, value: 'x' })),
    fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((key) => !names.includes(key) && !PROTOTYPE_NAMES.includes(key))
      .map((key) => ({ label: `unknown key ${key}`, key, value: '1' })),
    ...(has('limit')
      ? [
          fc
            .oneof(
              fc.constantFrom('0', '101', '-5', '0.5', '1e400', '1e20', 'NaN', 'Infinity', '', 'x'),
              fc.integer({ min: 101 }).map(String),
              fc.integer({ max: 0 }).map(String),
            )
            .map((value) => ({ label: `limit ${value}`, key: 'limit', value })),
        ]
      : []),
    ...(has('days')
      ? [
          fc
            .constantFrom('0', '366', '-1', '1.5', '1e20', '1e400', 'x')
            .map((value) => ({ label: `days ${value}`, key: 'days', value })),
        ]
      : []),
    ...(has('cursor')
      ? [forgedCursor.map((value) => ({ label: `forged cursor ${value}`, key: 'cursor', value }))]
      : []),
  ];
  return fc.oneof(...options);
}

function set(name: string, value: unknown) {
  return (body: Record<string, unknown>) => ({ ...body, [name]: value });
}
function without(name: string) {
  return (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).filter(([key]) => key !== name));
}

describe('malformed bodies on the write endpoints', () => {
  let api: TestApi;
  const admin = person(['admin']);
  const agent = person(['agent']);
  const lead = person(['team_lead']);
  let teamId: string;
  let personId: string;
  let colleagueId: string;
  let incidentId: string;
  let kudosId: string;
  const officer = person(['wellbeing_officer']);
  const hr = person(['hr']);

  beforeAll(async () => {
    api = await startTestApi('malformed', { WRITE_RATE_LIMIT_PER_MINUTE: '1000000' }, { projector: true });
    teamId = (await api.request({ method: 'POST', url: '/v1/teams', as: admin, body: { name: 'Fuzz' } })).body.teamId;
    personId = (
      await api.request({
        method: 'POST',
        url: '/v1/people',
        as: admin,
        body: { displayName: 'Fuzz Target', teamId, roles: ['agent'], timezone: 'UTC' },
      })
    ).body.personId;
    const enrol = async (actor: typeof agent, roles: string[]) => {
      const body = { personId: actor.personId, displayName: 'Fuzz Person', teamId, roles, timezone: 'UTC' };
      await api.request({ method: 'POST', url: '/v1/people', as: admin, body });
    };
    await enrol(agent, ['agent']);
    await enrol(lead, ['team_lead']);
    await enrol(officer, ['wellbeing_officer']);
    await enrol(hr, ['hr']);
    colleagueId = personId;
    incidentId = (await api.request({ method: 'POST', url: '/v1/incidents', as: agent, body: incidentReport() })).body
      .incidentId;
    kudosId = (await api.request({ method: 'POST', url: '/v1/kudos', as: agent, body: kudos() })).body.kudosId;
  });

  const incidentReport = () => ({
    channel: 'chat',
    kinds: ['insult'],
    severity: 'moderate',
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    narrative: 'Called me names',
    supportRequested: false,
    shareNarrativeWithLead: true,
  });
  const kudos = () => ({
    to: [colleagueId],
    message: 'Thanks for the handover',
    values: ['teamwork'],
    visibility: 'public',
  });
  afterAll(async () => api?.close());

  const endpoints = (): WriteEndpoint[] => [
    {
      name: 'sign a dev token (no sign-in)',
      method: 'POST',
      url: () => '/v1/dev/tokens',
      as: () => undefined,
      body: () => ({ sub: agent.personId, roles: ['agent'] }),
      fields: { sub: mandatory('uuid'), roles: mandatory('array'), teamId: optional('uuid') },
    },
    {
      name: 'create team',
      method: 'POST',
      url: () => '/v1/teams',
      as: () => admin,
      body: () => ({ name: 'Team', parentTeamId: teamId }),
      fields: { teamId: optional('uuid'), name: mandatory('string'), parentTeamId: optional('uuid') },
    },
    {
      name: 'enrol person',
      method: 'POST',
      url: () => '/v1/people',
      as: () => admin,
      body: () => ({ displayName: 'Someone', teamId, roles: ['agent'], timezone: 'Europe/Paris' }),
      fields: {
        personId: optional('uuid'),
        displayName: mandatory('string'),
        teamId: mandatory('uuid'),
        roles: mandatory('array'),
        timezone: mandatory('enum'),
      },
    },
    {
      name: 'move person',
      method: 'POST',
      url: () => `/v1/people/${personId}/move`,
      as: () => admin,
      body: () => ({ teamId }),
      fields: { teamId: mandatory('uuid') },
    },
    {
      name: 'report an incident',
      method: 'POST',
      url: () => '/v1/incidents',
      as: () => agent,
      body: incidentReport,
      fields: {
        incidentId: optional('uuid'),
        channel: mandatory('enum'),
        kinds: mandatory('array'),
        severity: mandatory('enum'),
        occurredAt: mandatory('date'),
        contactRef: optional('string'),
        customerRef: optional('string'),
        narrative: optional('string'),
        supportRequested: mandatory('bool'),
        shareNarrativeWithLead: mandatory('bool'),
      },
    },
    {
      name: 'offer support',
      method: 'POST',
      url: () => `/v1/incidents/${incidentId}/support-offers`,
      as: () => lead,
      body: () => ({ kind: 'debrief' }),
      fields: { kind: mandatory('enum') },
    },
    {
      name: 'record a customer action',
      method: 'POST',
      url: () => `/v1/incidents/${incidentId}/customer-actions`,
      as: () => lead,
      body: () => ({ action: 'warning_sent' }),
      fields: { action: mandatory('enum') },
    },
    {
      name: 'take a recovery break',
      method: 'POST',
      url: () => `/v1/incidents/${incidentId}/recovery-break`,
      as: () => agent,
      body: () => ({ minutes: 15 }),
      fields: { minutes: mandatory('int') },
    },
    {
      name: 'import contact volumes',
      method: 'PUT',
      url: () => '/v1/contact-volumes',
      as: () => admin,
      body: () => ({ rows: [{ teamId, date: '2025-01-06', channel: 'phone', contacts: 120 }] }),
      fields: { rows: mandatory('array') },
      withNestedNumber: (contacts) => ({ rows: [{ teamId, date: '2025-01-06', channel: 'phone', contacts }] }),
    },
    {
      name: 'send kudos',
      method: 'POST',
      url: () => '/v1/kudos',
      as: () => agent,
      body: kudos,
      fields: {
        to: mandatory('array'),
        message: mandatory('string'),
        values: mandatory('array'),
        visibility: mandatory('enum'),
        campaignId: optional('uuid'),
      },
    },
    {
      name: 'react to kudos',
      method: 'POST',
      url: () => `/v1/kudos/${kudosId}/reactions`,
      as: () => agent,
      body: () => ({ emoji: '👏' }),
      fields: { emoji: mandatory('string') },
    },
    {
      name: 'record praise',
      method: 'POST',
      url: () => '/v1/praise',
      as: () => lead,
      body: () => ({ agentId: agent.personId, source: 'survey', quote: 'Patient and kind' }),
      fields: { agentId: mandatory('uuid'), source: mandatory('enum'), quote: mandatory('string') },
    },
    {
      name: 'log a wellbeing activity',
      method: 'POST',
      url: () => '/v1/wellbeing/activities',
      as: () => agent,
      body: () => ({ kind: 'walk', minutes: 20, occurredOn: new Date().toISOString().slice(0, 10) }),
      fields: {
        kind: mandatory('enum'),
        minutes: mandatory('int'),
        occurredOn: mandatory('date'),
        campaignId: optional('uuid'),
      },
    },
    {
      name: 'answer the pulse',
      method: 'POST',
      url: () => '/v1/wellbeing/pulse',
      as: () => agent,
      body: () => ({ mood: 4, energy: 3, workload: 2 }),
      fields: { mood: mandatory('int'), energy: mandatory('int'), workload: mandatory('int') },
    },
  ];

  const paged = { cursor: 'cursor', limit: 'limit' } as const;
  const range = () => ({ from: '2026-11-01', to: '2026-11-30' });
  const dashboard = { from: 'date', to: 'date', interval: 'enum', groupBy: 'enum' } as const;
  const readEndpoints = (): ReadEndpoint[] => [
    {
      name: 'incident queue',
      url: () => '/v1/incidents',
      as: () => lead,
      query: () => ({}),
      params: { ...paged, status: 'enum', teamId: 'uuid' },
    },
    { name: 'my incidents', url: () => '/v1/me/incidents', as: () => agent, query: () => ({}), params: paged },
    { name: 'repeat abusers', url: () => '/v1/repeat-abusers', as: () => officer, query: () => ({}), params: paged },
    { name: 'org feed', url: () => '/v1/feeds/org', as: () => agent, query: () => ({}), params: paged },
    { name: 'team feed', url: () => `/v1/feeds/teams/${teamId}`, as: () => agent, query: () => ({}), params: paged },
    {
      name: 'person feed',
      url: () => `/v1/feeds/people/${colleagueId}`,
      as: () => agent,
      query: () => ({}),
      params: paged,
    },
    {
      name: 'recognition gaps',
      url: () => `/v1/teams/${teamId}/recognition-gaps`,
      as: () => lead,
      query: () => ({}),
      params: { ...paged, days: 'days' },
    },
    { name: 'my wellbeing', url: () => '/v1/me/wellbeing', as: () => agent, query: () => ({}), params: paged },
    { name: 'abuse dashboard', url: () => '/v1/dashboards/abuse', as: () => hr, query: range, params: dashboard },
    {
      name: 'wellbeing dashboard',
      url: () => '/v1/dashboards/wellbeing',
      as: () => hr,
      query: range,
      params: dashboard,
    },
    {
      name: 'recognition dashboard',
      url: () => '/v1/dashboards/recognition',
      as: () => hr,
      query: range,
      params: dashboard,
    },
  ];
  const read = (endpoint: ReadEndpoint, query: [string, string][]) =>
    api.request({ method: 'GET', url: `${endpoint.url()}?${new URLSearchParams(query)}`, as: endpoint.as() });

  async function eventCount(): Promise<number> {
    const db = new Client({ connectionString: api.database.url });
    await db.connect();
    try {
      return Number((await db.query('SELECT count(*) FROM eventstore.events')).rows[0].count);
    } finally {
      await db.end();
    }
  }

  it('answers 1,000 malformed bodies with 4xx problem+json only, and appends nothing', async () => {
    const before = await eventCount();
    const all = endpoints();
    const statuses = new Map<number, number>();

    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...all)
          .chain((endpoint) => malformation(endpoint).map((malformed) => ({ endpoint, malformed }))),
        async ({ endpoint, malformed }) => {
          const response = await api.request({
            method: endpoint.method,
            url: endpoint.url(),
            as: endpoint.as(),
            body: malformed.change(endpoint.body()),
          });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          expect({ endpoint: endpoint.name, malformation: malformed.label, status: response.status }).toMatchObject({
            status: expect.toBeWithinRange(400, 499),
          });
          expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        },
      ),
      { numRuns: 1_000 },
    );

    expect(await eventCount()).toBe(before);
    expect([...statuses.keys()].every((status) => status >= 400 && status < 500)).toBe(true);
  }, 120_000);

  it('refuses JSON nested deeper than any body before validating it, on every write endpoint', async () => {
    const before = await eventCount();
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...endpoints())
          .chain((endpoint) =>
            fc.tuple(fc.constant(endpoint), fc.constantFrom(...Object.keys(endpoint.fields)), deepJson),
          ),
        async ([endpoint, name, deep]) => {
          const text = JSON.stringify({ ...endpoint.body(), [name]: '<deep>' }).replace('"<deep>"', deep);
          const response = await api.request({
            method: endpoint.method,
            url: endpoint.url(),
            as: endpoint.as(),
            body: text,
          });
          expect({ endpoint: endpoint.name, field: name, status: response.status, body: response.body }).toMatchObject({
            status: 400,
            body: { type: '/problems/invalid-request', errors: [{ field: 'body' }] },
          });
        },
      ),
      { numRuns: 100 },
    );
    expect(await eventCount()).toBe(before);
  }, 60_000);

  it('answers malformed query strings of every read endpoint with 400 problem+json naming the parameter', async () => {
    const all = readEndpoints();
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...all)
          .chain((endpoint) => queryMalformation(endpoint).map((malformed) => ({ endpoint, malformed }))),
        async ({ endpoint, malformed }) => {
          const query = Object.entries(endpoint.query()).filter(([key]) => key !== malformed.key);
          const response = await read(endpoint, [...query, [malformed.key, malformed.value]]);
          expect({ endpoint: endpoint.name, malformation: malformed.label, status: response.status }).toEqual({
            endpoint: endpoint.name,
            malformation: malformed.label,
            status: 400,
          });
          expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
          // Either the parameter is named, or it is a cursor this list did not give out.
          const { type, errors = [] } = response.body as { type: string; errors?: { field: string }[] };
          const named = type === '/problems/invalid-cursor' || errors.some(({ field }) => field === malformed.key);
          expect({ type, named }).toEqual({
            type: expect.stringMatching(/^\/problems\/invalid-(request|cursor)$/),
            named: true,
          });
        },
      ),
      { numRuns: 600 },
    );
  }, 120_000);

  it('takes back only the cursors a list gave out, unchanged', async () => {
    const another = { ...kudos(), message: 'And thanks for the cover' };
    await api.request({ method: 'POST', url: '/v1/kudos', as: agent, body: another });
    await api.request({ method: 'POST', url: '/v1/incidents', as: agent, body: incidentReport() });
    await api.projectionsCaughtUp();
    const [orgFeed, myIncidents] = [readEndpoints()[3], readEndpoints()[1]];
    const feedCursor = (await read(orgFeed, [['limit', '1']])).body.nextCursor as string;
    const incidentsCursor = (await read(myIncidents, [['limit', '1']])).body.nextCursor as string;
    expect([feedCursor, incidentsCursor]).toEqual([expect.any(String), expect.any(String)]);

    const nextPage = await read(orgFeed, [
      ['limit', '1'],
      ['cursor', feedCursor],
    ]);
    expect(nextPage).toMatchObject({ status: 200, body: { items: [expect.anything()] } });

    const [payload, mac = ''] = feedCursor.split('.');
    const [sentAtMs, lastKudosId] = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const tampered = [
      `${base64url(JSON.stringify([sentAtMs + 1, lastKudosId]))}.${mac}`,
      `${payload}.${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BB' : 'AA'}`,
      payload,
      base64url(JSON.stringify([sentAtMs, lastKudosId])),
    ];
    for (const cursor of tampered) {
      expect(await read(orgFeed, [['cursor', cursor]])).toMatchObject({
        status: 400,
        body: { type: '/problems/invalid-cursor' },
      });
    }
    // A cursor is good only for the list that gave it out.
    for (const [endpoint, cursor] of [
      [myIncidents, feedCursor],
      [orgFeed, incidentsCursor],
    ] as const) {
      expect(await read(endpoint, [['cursor', cursor]])).toMatchObject({
        status: 400,
        body: { type: '/problems/invalid-cursor' },
      });
    }
  }, 30_000);

  it('also refuses a body that is not JSON at all', async () => {
    const response = await api.request({
      method: 'POST',
      url: '/v1/teams',
      as: admin,
      body: '{"name": "unterminated',
    });
    expect(response).toMatchObject({ status: 400, body: { type: '/problems/bad-request' } });
  });

  it('knows a valid body of every endpoint is accepted, so the malformations are what is refused', async () => {
    for (const endpoint of endpoints()) {
      const response = await api.request({
        method: endpoint.method,
        url: endpoint.url(),
        as: endpoint.as(),
        body: endpoint.body(),
      });
      expect({ endpoint: endpoint.name, status: response.status }).toEqual({
        endpoint: endpoint.name,
        status: expect.toBeWithinRange(200, 299),
      });
    }
  });
});
