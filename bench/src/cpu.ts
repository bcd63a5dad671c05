import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import type { Measured, Sample } from './harness';
import type { App, Stack } from './stack';

const TICKS_PER_MS = 100 / 1_000;

/** CPU time (user + system, ms) of each part of the machine at one instant. */
type Reading = Record<string, number>;

/**
 * Where the machine's CPU time goes between two readings, per unit of work: on two cores a
 * path that needs more CPU per unit than its baseline cannot keep up with it, whatever it
 * waits on. Parts: the apps that run, every PostgreSQL process, the Redis server (all of its
 * clients), this bench process (load generator, receivers, no-op workers) and the whole machine.
 */
export class CpuMeter {
  private constructor(
    private readonly stack: Stack,
    private readonly started: Reading,
  ) {}

  static start(stack: Stack): CpuMeter {
    return new CpuMeter(stack, read(stack));
  }

  /** Milliseconds of CPU per unit since the start, by part: `{ cpuMsWorker: 0.7, cpuMsMachine: 1.9, … }`. */
  perUnit(units: number): Sample {
    const now = read(this.stack);
    return Object.fromEntries(
      Object.entries(now).map(([part, ms]) => [`cpuMs${part}`, (ms - (this.started[part] ?? 0)) / units]),
    );
  }
}

function read(stack: Stack): Reading {
  const reading: Reading = {};
  for (const app of ['api', 'projector', 'worker'] as App[])
    if (stack.running(app)) reading[app[0].toUpperCase() + app.slice(1)] = processMs(stack.pid(app));
  reading.Postgres = postgresMs();
  reading.Redis = redisMs();
  const own = process.cpuUsage();
  reading.Bench = (own.user + own.system) / 1_000;
  reading.Machine = machineMs();
  return reading;
}

function processMs(pid: number | string): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_MS;
}

/** Every PostgreSQL process's time: the pools keep their backends, so few come and go within a reading. */
function postgresMs(): number {
  let ms = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') ms += processMs(pid);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return ms;
}

function redisMs(): number {
  const info = execFileSync('redis-cli', ['INFO', 'cpu'], { encoding: 'utf8' });
  return (Number(/used_cpu_user:([\d.]+)/.exec(info)![1]) + Number(/used_cpu_sys:([\d.]+)/.exec(info)![1])) * 1_000;
}

/** Busy time of every core: user, nice, system, irq, softirq and steal from /proc/stat. */
function machineMs(): number {
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/)
    .map(Number);
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_MS;
}

/** The CPU per unit of each side, for a row's notes: `project: worker 0.70, … machine 1.49; baseline: … machine 0.20`. */
export function cpuNote(unit: string, { baseline, project }: { baseline: Measured; project: Measured }): string {
  const parts = ({ label, median }: Measured) => {
    const figures = Object.entries(median)
      .filter(([figure, ms]) => figure.startsWith('cpuMs') && ms >= 0.0005)
      .map(([figure, ms]) => `${figure.slice('cpuMs'.length).toLowerCase()} ${ms.toPrecision(2)}`);
    return figures.length > 0 ? [`${label}: ${figures.join(', ')}`] : [];
  };
  return `CPU per ${unit} (ms, median; user + system, from /proc and Redis INFO): ${[...parts(project), ...parts(baseline)].join('; ')}.`;
}
