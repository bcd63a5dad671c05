import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { type TestDatabase, createTestDatabase, testEnvironment } from '@frontline/testing';
import { TestRedisServer } from './support/redis-server';

const ROOT = join(__dirname, '..');

describe('the worker', () => {
  let database: TestDatabase;
  let evicting: TestRedisServer;

  beforeAll(async () => {
    database = await createTestDatabase('worker');
    evicting = await TestRedisServer.start(['--maxmemory', '64mb', '--maxmemory-policy', 'allkeys-lru']);
  });
  afterAll(async () => {
    await evicting?.stop();
    await database?.drop();
  });

  it('refuses to start on a queue Redis that evicts keys, and says why', () => {
    const result = spawnSync('node', ['dist/apps/worker/src/main.js'], {
      cwd: ROOT,
      env: { ...process.env, ...testEnvironment(database.url, { QUEUE_REDIS_URL: evicting.url }) },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/QUEUE_REDIS_URL.*maxmemory-policy allkeys-lru.*noeviction/);
  });
});
