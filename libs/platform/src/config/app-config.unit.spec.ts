import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives the local defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ EVENT_STORE: 'postgres', AUTH_MODE: 'dev', PORT: 3000, PRIVACY_MIN_GROUP: 5 });
  });

  it('reads numbers from strings', () => {
    expect(loadConfig({ PORT: '8080', PRIVACY_MIN_GROUP: '10' })).toMatchObject({ PORT: 8080, PRIVACY_MIN_GROUP: 10 });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ EVENT_STORE: 'mysql' }, 'EVENT_STORE'],
    [{ EVENT_STORE: 'kurrentdb' }, 'KURRENTDB_URL'],
    [{ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://db:2113?throwOnAppendFailure=false' }, 'KURRENTDB_URL'],
    [{ KURRENTDB_APPEND_TIMEOUT_MS: '0' }, 'KURRENTDB_APPEND_TIMEOUT_MS'],
    [{ AUTH_MODE: 'oidc', OIDC_AUDIENCE: 'frontline' }, 'OIDC_ISSUER'],
    [{ AUTH_MODE: 'oidc', OIDC_ISSUER: 'http://127.0.0.1:3001' }, 'OIDC_AUDIENCE'],
    [{ AUTH_MODE: 'jwks' }, 'AUTH_MODE'],
    [{ FRONTLINE_ENV: 'production' }, 'AUTH_MODE'],
    [{ OIDC_IDENTITY_CLAIM: 'roles' }, 'OIDC_IDENTITY_CLAIM'],
    [{ OIDC_ALGORITHMS: 'ES256,HS256' }, 'OIDC_ALGORITHMS'],
    [{ PRIVACY_MIN_GROUP: '1' }, 'PRIVACY_MIN_GROUP'],
    [{ REDIS_URL: 'http://cache' }, 'REDIS_URL'],
    [{ REDIS_CLUSTER_NODES: 'redis://a:7000,http://b:7001' }, 'REDIS_CLUSTER_NODES'],
    [{ REDIS_CLUSTER_NODES: 'redis://a:7000/2' }, 'REDIS_CLUSTER_NODES'],
    [
      { FRONTLINE_ENV: 'production', AUTH_MODE: 'oidc', OIDC_ISSUER: 'https://id.example', OIDC_AUDIENCE: 'a' },
      'PSEUDONYM_SECRET',
    ],
    [
      {
        FRONTLINE_ENV: 'production',
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: 'https://id.example',
        OIDC_AUDIENCE: 'a',
        PSEUDONYM_SECRET: 'a-pseudonym-secret-that-is-long-enough-0',
      },
      'API_MAC_SECRET',
    ],
  ])('names the bad variable in %j', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^  ${name}`, 'm'));
  });

  it('trusts only an OpenID Provider on this machine in development, where it runs with the local secrets', () => {
    expect(
      loadConfig({ AUTH_MODE: 'oidc', OIDC_ISSUER: 'http://127.0.0.1:3001', OIDC_AUDIENCE: 'frontline' }),
    ).toMatchObject({ AUTH_MODE: 'oidc', OIDC_IDENTITY_CLAIM: 'sub', OIDC_IDENTITY_MATCHES: 'userName' });
    expect(() =>
      loadConfig({ AUTH_MODE: 'oidc', OIDC_ISSUER: 'http://127.0.0.1.evil.example', OIDC_AUDIENCE: 'frontline' }),
    ).toThrow(/^  FRONTLINE_ENV: an OpenID Provider beyond this machine needs FRONTLINE_ENV=production/m);
  });

  it('reads the seed nodes of a Redis Cluster as a list', () => {
    expect(loadConfig({ REDIS_CLUSTER_NODES: 'redis://a:7000, rediss://u:p@b:7001/0' }).REDIS_CLUSTER_NODES).toEqual([
      'redis://a:7000',
      'rediss://u:p@b:7001/0',
    ]);
    expect(loadConfig({}).REDIS_CLUSTER_NODES).toBeUndefined();
  });

  it('never repeats a value in its message', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://user:s3cret@db/frontline' })).toThrow(/^(?![\s\S]*s3cret)/);
  });
});
