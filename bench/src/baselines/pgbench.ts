import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Sample, percentile } from '../harness';
import type { PgbenchScript } from './event-rows';

export interface PgbenchRun extends PgbenchScript {
  database: string;
  clients: number;
  seconds: number;
}

/**
 * pgbench: `clients` connections running `script` (one transaction) with prepared statements and
 * `synchronous_commit=on`, what PostgreSQL itself sustains. Figures: transactions per second
 * (`perSecond`), latencies in ms from its per-transaction log, and `loadCpu`, pgbench's own
 * share of a core (it runs on the same two cores as the server).
 */
export async function pgbench({ database, script, variables, clients, seconds }: PgbenchRun): Promise<Sample> {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-pgbench-'));
  try {
    writeFileSync(join(dir, 'script.sql'), script);
    const args = [
      ...['-h', '127.0.0.1', '-U', 'postgres', '-n', '-M', 'prepared', '-c', String(clients), '-j', '2'],
      ...['-T', String(seconds), '-f', join(dir, 'script.sql'), '--log', `--log-prefix=${join(dir, 'tx')}`],
      ...Object.entries(variables).flatMap(([name, value]) => ['-D', `${name}=${value}`]),
      database,
    ];
    const started = performance.now();
    // bash's `times` then prints the CPU its child, pgbench, used.
    const { stdout } = await promisify(execFile)('bash', ['-c', 'pgbench "$@" && times', 'pgbench', ...args], {
      env: { ...process.env, PGOPTIONS: '-c synchronous_commit=on' },
    });
    const wallMs = performance.now() - started;
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
    if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
    // Per transaction: client, transaction number, latency in µs, script, epoch s, µs.
    const latenciesMs = readdirSync(dir)
      .filter((file) => file.startsWith('tx'))
      .flatMap((file) => readFileSync(join(dir, file), 'utf8').trim().split('\n'))
      .map((line) => Number(line.split(' ')[2]) / 1_000);
    return {
      perSecond: Number(tps[1]),
      p50: percentile(latenciesMs, 50),
      p99: percentile(latenciesMs, 99),
      loadCpu: (cpuSeconds(stdout.trim().split('\n').at(-1)!) * 1_000) / wallMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The CPU seconds of a line of bash's `times` (`0m1.234s 0m0.567s`: user, system). */
function cpuSeconds(line: string): number {
  return [...line.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, [, m, s]) => sum + Number(m) * 60 + Number(s), 0);
}
