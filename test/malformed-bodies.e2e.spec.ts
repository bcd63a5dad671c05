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
  as: () => Actor;
  body: () => Record<string, unknown>;
  fields: Record<string, Field>;
}

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

  beforeAll(async () => {
    api = await startTestApi('malformed', { WRITE_RATE_LIMIT_PER_MINUTE: '1000000' });
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
