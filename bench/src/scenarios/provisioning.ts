import { randomUUID } from 'node:crypto';
import { alternate, atLeast, row } from '../harness';
import { httpLoad } from '../load';
import type { Scenario } from '../scenario';

const CONNECTIONS = 16;
/** The local default's SCIM token: the bench stack runs in development. */
const SCIM_TOKEN = 'local-development-only-scim-token-00000000';

/**
 * Enrolling an organisation: SCIM `POST /Users` (schema checks by SCIMMY, the identity claimed
 * and linked, the new user read back for its answer) against the same people through
 * `POST /v1/people`, from 16 connections, as an identity provider's provisioning job runs.
 */
export const provisioning: Scenario = {
  name: 'provisioning',
  async run({ stack, size }) {
    const admin = await stack.adminToken();
    const teamId = await stack.createTeam('Bench provisioning');
    const people = (warmUp: boolean) => (warmUp ? size(1_000, 200) : size(10_000, 1_000));
    const byApi = ({ warmUp }: { warmUp: boolean }) =>
      httpLoad({
        url: `${stack.url}/v1/people`,
        connections: CONNECTIONS,
        amount: people(warmUp),
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => ({
              ...request,
              headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
              body: JSON.stringify({
                displayName: 'Bench Person',
                teamId,
                roles: ['agent'],
                timezone: 'Europe/London',
              }),
            }),
          },
        ],
      });
    const byScim = ({ warmUp }: { warmUp: boolean }) =>
      httpLoad({
        url: `${stack.url}/scim/v2/Users`,
        connections: CONNECTIONS,
        amount: people(warmUp),
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => ({
              ...request,
              headers: { authorization: `Bearer ${SCIM_TOKEN}`, 'content-type': 'application/scim+json' },
              body: JSON.stringify({
                schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
                userName: `${randomUUID()}@bench.example`,
                displayName: 'Bench Person',
                active: true,
              }),
            }),
          },
        ],
      });
    const measured = await alternate({
      rounds: size(2, 1),
      baseline: { label: 'POST /v1/people', run: byApi },
      project: { label: 'SCIM POST /Users', run: byScim },
    });
    return [
      row('Provisioning: SCIM POST /Users vs POST /v1/people, 16 connections', measured, 'rps', 'req/s', (ratio) => [
        atLeast('ratio', ratio, 0.7),
      ]),
    ];
  },
};
