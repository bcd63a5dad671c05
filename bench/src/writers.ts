import { type Sample, percentile } from './harness';

export interface Writers {
  writers: number;
  seconds: number;
  /** Rows (events) each call writes. */
  rowsPerCall: number;
  /** One call of one writer; `call` counts that writer's calls from 0. */
  write(writer: number, call: number): Promise<unknown>;
}

/**
 * `writers` loops in this process, each calling `write` again as soon as the last call
 * returned, for `seconds`. Figures: rows per second (`perSecond`), call latencies in ms, and
 * `loadCpu`, this process's share of a core (driver and adapter included).
 */
export async function runWriters({ writers, seconds, rowsPerCall, write }: Writers): Promise<Sample> {
  const latenciesMs: number[] = [];
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1_000;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let call = 0; performance.now() < deadline; call++) {
        const callStarted = performance.now();
        await write(writer, call);
        latenciesMs.push(performance.now() - callStarted);
      }
    }),
  );
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    perSecond: (latenciesMs.length * rowsPerCall * 1_000) / wallMs,
    p50: percentile(latenciesMs, 50),
    p99: percentile(latenciesMs, 99),
    loadCpu: (cpu.user + cpu.system) / 1_000 / wallMs,
  };
}
