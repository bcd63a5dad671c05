import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './redis-server';

const run = promisify(execFile);

/**
 * A Redis Cluster of the test's own: three masters (`redis-server --cluster-enabled yes`) on free
 * local ports, each in its own folder of a temporary directory, joined by `redis-cli --cluster
 * create`. `remove` stops them and deletes the directory, whatever state `start` left them in.
 */
export class TestRedisCluster {
  private readonly processes: ChildProcess[] = [];
  readonly ports: number[] = [];
  private dir?: string;

  /** Seed nodes as `REDIS_CLUSTER_NODES` takes them. */
  get nodes(): string {
    return this.ports.map((port) => `redis://127.0.0.1:${port}`).join(',');
  }

  static async start(masters = 3): Promise<TestRedisCluster> {
    const cluster = new TestRedisCluster();
    try {
      await cluster.startNodes(masters);
      await cli([
        '--cluster',
        'create',
        ...cluster.ports.map((port) => `127.0.0.1:${port}`),
        '--cluster-replicas',
        '0',
        '--cluster-yes',
      ]);
      await cluster.waitUntilOk();
      return cluster;
    } catch (error) {
      await cluster.remove();
      throw error;
    }
  }

  /** Should the test process end without `remove` (a worker killed at a timeout), its nodes and files go with it. */
  private readonly onExit = () => {
    for (const child of this.processes) child.kill('SIGKILL');
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  };

  private async startNodes(masters: number): Promise<void> {
    process.once('exit', this.onExit);
    this.dir = await mkdtemp(join(tmpdir(), 'frontline-redis-cluster-'));
    for (let i = 0; i < masters; i++) {
      // Each node also listens on its port + 10000, for the cluster bus.
      let port = await freePort();
      while (port + 10_000 > 65_535 || this.ports.includes(port) || !(await isFree(port + 10_000)))
        port = await freePort();
      this.ports.push(port);
      const child = spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--dir',
          this.dir,
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          `nodes-${port}.conf`,
          '--cluster-node-timeout',
          '5000',
          '--save',
          '',
          '--appendonly',
          'no',
        ],
        { stdio: 'ignore' },
      );
      this.processes.push(child);
    }
    for (const port of this.ports) await waitFor(async () => (await cli(['-p', String(port), 'PING'])) === 'PONG');
  }

  /** Every node says the cluster is ok: all slots served, and every node knows it. */
  private async waitUntilOk(): Promise<void> {
    await waitFor(async () => {
      const infos = await Promise.all(this.ports.map((port) => cli(['-p', String(port), 'CLUSTER', 'INFO'])));
      return infos.every(
        (info) =>
          /^cluster_state:ok\r?$/m.test(info) &&
          new RegExp(`^cluster_known_nodes:${this.ports.length}\\r?$`, 'm').test(info),
      );
    });
  }

  async remove(): Promise<void> {
    await Promise.all(
      this.processes.map((child) => {
        if (child.exitCode !== null || child.signalCode !== null) return undefined;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        return exited;
      }),
    );
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
    process.off('exit', this.onExit);
  }
}

async function cli(args: string[]): Promise<string> {
  const { stdout } = await run('redis-cli', ['-h', '127.0.0.1', ...args], { timeout: 20_000 });
  return stdout.trim();
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function waitFor(ready: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; ;) {
    if (await ready().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error('The Redis Cluster of the test did not come up in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
