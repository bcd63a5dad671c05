import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestDatabase, createTestDatabase, deleteRedisKeys, testEnvironment } from '@frontline/testing';
import { freePort } from './support/redis-server';

const ROOT = join(__dirname, '..');

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("the README's run command", () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let runDir: string;

  beforeAll(async () => {
    database = await createTestDatabase('run_command');
    runDir = mkdtempSync(join(tmpdir(), 'frontline-run-'));
    env = testEnvironment(database.url, {
      PORT: String(await freePort()),
      DEV_OIDC_PORT: String(await freePort()),
      LOG_LEVEL: 'info',
      FRONTLINE_RUN_DIR: runDir,
    });
  });

  afterAll(async () => {
    await deleteRedisKeys(env.REDIS_KEY_PREFIX);
    await database?.drop();
    rmSync(runDir, { recursive: true, force: true });
  });

  it('brings up api, projector, worker and the development OpenID Provider, is ready, and stops all four within 10 s of SIGTERM', async () => {
    const run = spawn('bash', ['deploy/local/start.sh', '--no-demo'], { cwd: ROOT, env: { ...process.env, ...env } });
    let output = '';
    run.stdout!.on('data', (chunk) => (output += chunk));
    run.stderr!.on('data', (chunk) => (output += chunk));

    const deadline = Date.now() + 150_000;
    while (!output.includes('Frontline is running') && run.exitCode === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(output).toContain('Frontline is running');
    expect(output).toContain(`http://127.0.0.1:${env.PORT}/docs`);
    const ready = await fetch(`http://127.0.0.1:${env.PORT}/health/ready`);
    expect(ready.status).toBe(200);
    const pids = output
      .match(/pids ([\d ]+);/)![1]
      .split(' ')
      .map(Number);
    expect(pids).toHaveLength(4);

    const stoppingAt = Date.now();
    run.kill('SIGTERM');
    const code = await exited(run);

    expect(Date.now() - stoppingAt).toBeLessThan(10_000);
    expect(code).toBe(0);
    expect(pids.filter(isRunning)).toEqual([]);
    for (const app of ['api', 'projector', 'worker']) {
      const firstLine = readFileSync(join(runDir, 'logs', `${app}.log`), 'utf8').split('\n')[0];
      expect(JSON.parse(firstLine)).toMatchObject({ level: expect.any(Number), msg: expect.any(String) });
    }
  }, 180_000);

  it.each(['api', 'projector', 'worker'])('stops %s at boot with a message naming a bad variable', (app) => {
    const result = spawnSync('node', [`dist/apps/${app}/src/main.js`], {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: 'eighty', EVENT_STORE: 'mysql' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Invalid configuration/);
    expect(result.stderr).toMatch(/^\s+PORT/m);
    expect(result.stderr).toMatch(/^\s+EVENT_STORE/m);
  });
});
