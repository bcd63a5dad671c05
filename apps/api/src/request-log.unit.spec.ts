import type { FastifyRequest } from 'fastify';
import { requestToLog } from './api.app';

describe('what the request log keeps of a request', () => {
  const request = (url: string) => ({ method: 'GET', url, raw: { url } }) as unknown as FastifyRequest;

  it("keeps a SCIM request's path but not its query, which names a person", () => {
    const logged = requestToLog(
      '/scim/v2/Users',
      request('/scim/v2/Users?filter=userName%20eq%20%22ana%40example.com%22'),
    );
    expect(logged).toEqual({ method: 'GET', url: '/scim/v2/Users' });
    expect(JSON.stringify(logged)).not.toContain('ana');
  });

  it('keeps any other request as it came, for the serializers and their redaction', () => {
    const other = request('/v1/feeds/org?limit=5');
    expect(requestToLog('/v1/feeds/org', other)).toBe(other.raw);
  });

  it('never keeps a wall token given in the query, on any route', () => {
    const token = 'wall_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ';
    for (const url of [`/v1/walls/org/stream?token=${token}`, `/v1/feeds/org?limit=5&TOKEN=${token}`]) {
      const logged = requestToLog(url.split('?')[0], request(url));
      expect(JSON.stringify(logged)).not.toContain(token);
      expect(logged).toMatchObject({ method: 'GET', url: expect.stringMatching(/token=\[Redacted\]/i) });
    }
  });
});
