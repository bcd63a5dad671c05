import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** `dev-oidc` is the development OpenID Provider, for a stack the browser signs in to. */
export type App = 'api' | 'projector' | 'worker' | 'dev-oidc';
export type Role = 'agent' | 'team_lead' | 'wellbeing_officer' | 'hr' | 'admin';

export interface Person {
  personId: string;
  teamId: string;
  token: string;
}

const ROOT = join(__dirname, '..', '..', '..');

export interface StackOptions {
  database: string;
  /** Read models in this Redis database, queues in the next one; both in this one when the stack has a `keyPrefix`. */
  redisDatabase: number;
  /** Keys of its own in a Redis database other stacks share: reset deletes only them instead of emptying it. */
  keyPrefix?: string;
  port: number;
  /** An app that dies is left for the scenario to find (`running` is false) instead of ending the bench. */
  appsMayDie?: boolean;
  /** Settings added to the apps' own, e.g. AUTH_MODE=oidc and its issuer. */
  env?: Record<string, string>;
}

// An app left behind by a bench that died would take the next run's jobs and skew its figures.
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

/** The heap flags deploy/local/start.sh runs each app with (it says why). */
const APP_NODE_FLAGS: Record<App, string[]> = {
  api: ['--max-semi-space-size=8', '--max-old-space-size=160'],
  projector: ['--max-semi-space-size=16'],
  worker: ['--max-semi-space-size=8', '--max-old-space-size=160'],
  'dev-oidc': [],
};

export const MAIN_STACK: StackOptions = { database: 'frontline_bench', redisDatabase: 10, port: 3900 };

/**
 * The three apps as `npm start` runs them (built, one process each), on a database and Redis
 * databases of their own that every bench run starts empty. Limits that protect people in
 * production (write rate, kudos allowance) are lifted: the bench measures the machinery.
 */
export class Stack {
  readonly url: string;
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly queueRedisUrl: string;
  readonly env: NodeJS.ProcessEnv;
  private readonly processes = new Map<App, ChildProcess>();
  /** What became of apps that died, with `appsMayDie`. */
  readonly deaths: string[] = [];
  private admin?: string;

  constructor(private readonly options: StackOptions = MAIN_STACK) {
    this.url = `http://127.0.0.1:${options.port}`;
    this.databaseUrl = `postgres://postgres@127.0.0.1:5432/${options.database}`;
    this.redisUrl = `redis://127.0.0.1:6379/${options.redisDatabase}`;
    this.queueRedisUrl = `redis://127.0.0.1:6379/${options.redisDatabase + (options.keyPrefix ? 0 : 1)}`;
    this.env = {
      ...process.env,
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redisUrl,
      QUEUE_REDIS_URL: this.queueRedisUrl,
      REDIS_KEY_PREFIX: options.keyPrefix ?? 'frontline:',
      PORT: String(options.port),
      LOG_LEVEL: 'warn',
      WRITE_RATE_LIMIT_PER_MINUTE: '1000000000',
      KUDOS_DAILY_ALLOWANCE: '1000000000',
      WEBHOOK_ALLOW_PRIVATE: 'true',
      ...options.env,
    };
  }

  /** Drops what an earlier run left: the bench database and the stack's Redis databases, or its keys. */
  reset(): void {
    const psql = (sql: string) =>
      execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-qc', sql], { stdio: 'pipe' });
    psql(`DROP DATABASE IF EXISTS ${this.options.database} WITH (FORCE)`);
    psql(`CREATE DATABASE ${this.options.database}`);
    if (this.options.keyPrefix) {
      const redis = `redis-cli -n ${this.options.redisDatabase}`;
      const deleteKeys = `${redis} --scan --pattern '${this.options.keyPrefix}*' | xargs -r -n 1000 ${redis} UNLINK`;
      execFileSync('bash', ['-o', 'pipefail', '-c', deleteKeys], { stdio: 'ignore' });
    } else {
      for (const db of [this.options.redisDatabase, this.options.redisDatabase + 1])
        execFileSync('redis-cli', ['-n', String(db), 'FLUSHDB'], { stdio: 'pipe' });
    }
    this.admin = undefined;
  }

  async start(apps: readonly App[] = ['api', 'projector', 'worker']): Promise<void> {
    for (const app of apps) {
      const child = spawn(process.execPath, [...APP_NODE_FLAGS[app], join(ROOT, `dist/apps/${app}/src/main.js`)], {
        cwd: ROOT,
        env: this.env,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      child.on('exit', (code, signal) => {
        if (this.processes.get(app) !== child) return;
        if (!this.options.appsMayDie) throw new Error(`${app} exited (${code ?? signal}) during the bench`);
        this.processes.delete(app);
        this.deaths.push(`${app} exited (${code ?? signal})`);
      });
      this.processes.set(app, child);
      running.add(child);
      child.once('exit', () => running.delete(child));
    }
    if (apps.includes('api')) await this.ready();
  }

  /** SIGKILL for an app that may be too busy collecting garbage to shut down. */
  async stop(apps: readonly App[] = [...this.processes.keys()], signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await Promise.all(
      apps.map(async (app) => {
        const child = this.processes.get(app);
        if (!child) return;
        this.processes.delete(app);
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill(signal);
        await exited;
      }),
    );
  }

  running(app: App): boolean {
    return this.processes.has(app);
  }

  pid(app: App): number {
    const child = this.processes.get(app);
    if (!child?.pid) throw new Error(`${app} is not running`);
    return child.pid;
  }

  /** Forgets an app's peak resident set so far (Linux `clear_refs` 5), so a scenario measures its own peak. */
  resetPeakRss(app: App): void {
    writeFileSync(`/proc/${this.pid(app)}/clear_refs`, '5');
  }

  /** The app's peak resident set since start or the last reset, in MB (`VmHWM`). */
  peakRssMb(app: App): number {
    const status = readFileSync(`/proc/${this.pid(app)}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
  }

  async request<T = unknown>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
    const response = await fetch(this.url + path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async token(personId: string, roles: Role[], teamId?: string): Promise<string> {
    return (
      await this.request<{ token: string }>('POST', '/v1/dev/tokens', undefined, { sub: personId, roles, teamId })
    ).token;
  }

  async adminToken(): Promise<string> {
    this.admin ??= await this.token(randomUUID(), ['admin']);
    return this.admin;
  }

  async createTeam(name: string): Promise<string> {
    const teamId = randomUUID();
    await this.request('POST', '/v1/teams', await this.adminToken(), { teamId, name });
    return teamId;
  }

  /** With a `userName`, the person can also sign in through the development OpenID Provider (as `displayName`). */
  async enrol(roles: Role[], teamId: string, userName?: string): Promise<Person & { displayName: string }> {
    const personId = randomUUID();
    const displayName = `Bench ${personId.slice(0, 8)}`;
    await this.request('POST', '/v1/people', await this.adminToken(), {
      personId,
      displayName,
      teamId,
      roles,
      timezone: 'Europe/London',
      userName,
    });
    return { personId, teamId, displayName, token: await this.token(personId, roles, teamId) };
  }

  /** Resolves when every projection serves a checkpoint with nothing of its own waiting behind it. */
  async projectionsCaughtUp(timeoutMs = 600_000): Promise<void> {
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(200)) {
      const { projections } = await this.request<{ projections: { serving: { lagEvents: number; state: string } }[] }>(
        'GET',
        '/v1/projections',
        await this.adminToken(),
      );
      if (projections.every(({ serving }) => serving.lagEvents === 0 && serving.state === 'live')) return;
    }
    throw new Error('The projections did not catch up');
  }

  private async ready(): Promise<void> {
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(200)) {
      const ready = await fetch(`${this.url}/health/ready`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) return;
    }
    throw new Error('The api did not become ready within a minute');
  }
}
