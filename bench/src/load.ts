import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import type { Sample } from './harness';
import type { Person } from './stack';

/**
 * Drives HTTP load with autocannon from this process and reports what it saw: requests per
 * second, latency percentiles (ms) and the share of one core the load generator itself used,
 * since on two cores the generator competes with what it measures.
 */
export async function httpLoad(options: autocannon.Options): Promise<Sample> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await autocannon(options);
  const cpu = process.cpuUsage(cpuBefore);
  const wallMs = performance.now() - started;
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0) throw new Error(`${options.url}: ${failed} of ${result.requests.total} requests failed`);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    loadCpu: (cpu.user + cpu.system) / 1_000 / wallMs,
  };
}

/**
 * POSTs to `path`, each as the next person in turn with a new Idempotency-Key; `body` gets the
 * sender and the person after them (so no two requests in a row contend on one sender's streams).
 */
export function commandRequest(
  path: string,
  people: Person[],
  body: (sender: Person, next: Person) => unknown,
): autocannon.Request {
  let sent = 0;
  return {
    method: 'POST',
    path,
    setupRequest: (request) => {
      const sender = people[sent++ % people.length];
      return {
        ...request,
        headers: {
          authorization: `Bearer ${sender.token}`,
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify(body(sender, people[sent % people.length])),
      };
    },
  };
}
