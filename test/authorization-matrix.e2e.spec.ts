import { randomUUID } from 'node:crypto';
import { type Actor, ROLES, type Role } from '@frontline/platform';
import { type TestApi, startTestApi } from './support/test-api';

/**
 * Every write and object read, tried by every role against objects of another person in
 * another team: wherever the rules say no, the answer is 403 or 404 and nothing leaks.
 */
interface World {
  admin: Actor;
  /** Someone in team B, and the objects they own. */
  owner: Actor;
  ownerTeamId: string;
  /** Team A: the team of every actor who tries. */
  teamId: string;
  objects: Record<string, string>;
}

interface Row {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: (world: World) => string;
  body?: (world: World) => unknown;
  /** Roles that may do this to an object of another person in another team. */
  allowed: Role[];
}

const rows: Row[] = [
  {
    name: 'create a team',
    method: 'POST',
    url: () => '/v1/teams',
    body: () => ({ name: 'New team' }),
    allowed: ['admin'],
  },
  {
    name: 'enrol a person',
    method: 'POST',
    url: () => '/v1/people',
    body: (w) => ({ displayName: 'New Person', teamId: w.teamId, roles: ['agent'], timezone: 'UTC' }),
    allowed: ['admin'],
  },
  {
    name: 'move a person',
    method: 'POST',
    url: (w) => `/v1/people/${w.owner.personId}/move`,
    body: (w) => ({ teamId: w.teamId }),
    allowed: ['admin'],
  },
  {
    name: 'offboard a person',
    method: 'POST',
    url: (w) => `/v1/people/${w.owner.personId}/offboard`,
    allowed: ['admin'],
  },
  { name: 'erase a person', method: 'POST', url: (w) => `/v1/people/${w.owner.personId}/erase`, allowed: ['admin'] },
];

describe('authorisation matrix', () => {
  let api: TestApi;
  const world = {} as World;

  beforeAll(async () => {
    api = await startTestApi('authz_matrix', { WRITE_RATE_LIMIT_PER_MINUTE: '1000000' });
    world.admin = { personId: randomUUID(), roles: ['admin'] };
    const team = async (name: string) =>
      (await api.request({ method: 'POST', url: '/v1/teams', as: world.admin, body: { name } })).body.teamId;
    world.teamId = await team('Team A');
    world.ownerTeamId = await team('Team B');
    const enrol = async (roles: Role[], teamId: string): Promise<Actor> => {
      const { body } = await api.request({
        method: 'POST',
        url: '/v1/people',
        as: world.admin,
        body: { displayName: `Person ${roles.join(' ')}`, teamId, roles, timezone: 'UTC' },
      });
      return { personId: body.personId, roles, teamId };
    };
    world.owner = await enrol(['agent'], world.ownerTeamId);
    world.objects = {};
    actors = Object.fromEntries(
      await Promise.all(ROLES.map(async (role) => [role, await enrol([role], world.teamId)])),
    ) as Record<Role, Actor>;
  });
  afterAll(async () => api?.close());

  let actors: Record<Role, Actor>;
  const refusals = rows.flatMap((row) =>
    ROLES.filter((role) => !row.allowed.includes(role)).map((role) => [row.name, role, row] as const),
  );

  it.each(refusals)('refuses "%s" to %s', async (_, role, row) => {
    const response = await api.request({
      method: row.method,
      url: row.url(world),
      as: actors[role],
      body: row.body?.(world),
    });
    expect([403, 404]).toContain(response.status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  // The other side of each row, so a refusal cannot pass because the route itself is wrong.
  const grants = rows.flatMap((row) => row.allowed.map((role) => [row.name, role, row] as const));

  it.each(grants)('lets "%s" through for %s', async (_, role, row) => {
    const response = await api.request({
      method: row.method,
      url: row.url(world),
      as: actors[role],
      body: row.body?.(world),
    });
    expect({ status: response.status, body: response.body }).toMatchObject({
      status: expect.toBeWithinRange(200, 409),
    });
    expect([401, 403, 404]).not.toContain(response.status);
  });
});
