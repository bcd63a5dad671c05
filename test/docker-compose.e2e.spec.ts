import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** docker-compose.yml at the repo root is accepted by docker-compose and wires the apps to KurrentDB. */
const repoRoot = resolve(__dirname, '..');
const services = ['kurrentdb', 'redis', 'queue-redis', 'postgres', 'api', 'projector', 'worker'];
const apps = ['api', 'projector', 'worker'];

const compose = (...args: string[]): string =>
  execFileSync('docker-compose', ['-f', 'docker-compose.yml', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

const installed = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;
if (!installed) {
  process.stderr.write(
    'docker-compose.e2e.spec: SKIPPED, docker-compose is not installed (apt-get install docker-compose)\n',
  );
}
const describeIfCompose = installed ? describe : describe.skip;
const title = installed ? 'docker-compose.yml' : 'docker-compose.yml (SKIPPED: docker-compose is not installed)';

/** The block of `docker-compose config` output for one top-level service (two-space indented key). */
function serviceBlock(config: string, name: string): string {
  const lines = config.split('\n');
  const start = lines.indexOf(`  ${name}:`);
  if (start < 0) throw new Error(`service ${name} not found in docker-compose config output`);
  const end = lines.findIndex((line, i) => i > start && /^ {0,2}\S/.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

describeIfCompose(title, () => {
  let config = '';
  beforeAll(() => {
    config = compose('config');
  });

  it('is valid for docker-compose (config -q exits 0)', () => {
    expect(() => compose('config', '-q')).not.toThrow();
  });

  it('defines the stores and the three apps', () => {
    const listed = compose('config', '--services').trim().split('\n').sort();
    expect(listed).toEqual([...services].sort());
  });

  it.each(apps)('runs %s against KurrentDB with both Redis instances and PostgreSQL', (app) => {
    const block = serviceBlock(config, app);
    expect(block).toMatch(/^\s+EVENT_STORE: kurrentdb$/m);
    expect(block).toMatch(/^\s+KURRENTDB_URL: kurrentdb:\/\/kurrentdb:2113\?tls=false$/m);
    expect(block).toMatch(/^\s+REDIS_URL: redis:\/\/redis:6379/m);
    expect(block).toMatch(/^\s+QUEUE_REDIS_URL: redis:\/\/queue-redis:6379/m);
    expect(block).toMatch(/^\s+DATABASE_URL: postgres:\/\/\S+@postgres:5432\//m);
    expect(block).toMatch(/^\s+target: /m);
    for (const dependency of ['kurrentdb', 'redis', 'queue-redis', 'postgres']) {
      expect(block).toMatch(new RegExp(`^\\s+${dependency}:\\n\\s+condition: service_healthy$`, 'm'));
    }
  });

  it('publishes the api on port 3000', () => {
    expect(serviceBlock(config, 'api')).toMatch(/- published: 3000\n\s+target: 3000\n/);
  });

  it('pins the KurrentDB image to a release, so every run gets the server the suite was run against', () => {
    expect(serviceBlock(config, 'kurrentdb')).toMatch(
      /^\s+image: docker\.kurrent\.io\/kurrent-lts\/kurrentdb:\d+\.\d+\.\d+$/m,
    );
  });

  it('keeps queue Redis durable and never evicting', () => {
    const block = serviceBlock(config, 'queue-redis');
    expect(block).toMatch(/- --appendonly\n\s+- "?yes"?\n/);
    expect(block).toMatch(/- --maxmemory-policy\n\s+- noeviction\n/);
  });
});
