import { atLeast, alternate, row } from '../harness';
import { startBaseline, stopBaseline } from '../baselines/process';
import { httpLoad } from '../load';
import type { Scenario } from '../scenario';

const BASELINE_PORT = 3950;

/** What the api's framework stack costs on a route that does no work: `GET /health/live` vs bare Fastify. */
export const httpOverhead: Scenario = {
  name: 'http-overhead',
  async run({ stack, size }) {
    const fastify = await startBaseline('fastify-hello.js', { PORT: String(BASELINE_PORT) });
    try {
      const load = (url: string) => () => httpLoad({ url, connections: 64, duration: size(10, 2) });
      const measured = await alternate({
        rounds: size(3, 1),
        baseline: { label: 'bare Fastify', run: load(`http://127.0.0.1:${BASELINE_PORT}/health/live`) },
        project: { label: 'api', run: load(`${stack.url}/health/live`) },
      });
      return [
        row('HTTP overhead: GET /health/live', measured, 'rps', 'req/s', (ratio) => [atLeast('ratio', ratio, 0.85)]),
      ];
    } finally {
      await stopBaseline(fastify);
    }
  },
};
