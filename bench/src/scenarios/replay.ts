import { execFileSync } from 'node:child_process';
import { CpuMeter, cpuNote } from '../cpu';
import { type Sample, alternate, atLeast, row } from '../harness';
import { redisBenchmark } from '../command-mix';
import { longLog } from '../long-log';
import type { Scenario } from '../scenario';

/**
 * Rebuilding every read model from the long log (1,000,000 events; quick: 100,000): the projector
 * stopped, the read models' Redis database flushed, the projector started, timed until every
 * checkpoint is at the last event of its types. The baseline is what Redis itself takes of the
 * same commands, pipelined by redis-benchmark.
 */
export const replay: Scenario = {
  name: 'replay',
  async run({ size, log }) {
    await longLog.grow(size(1_000_000, 100_000));
    const { events, projected } = longLog.mix;
    log(`${events.toLocaleString('en')} events, ${projected.toLocaleString('en')} of them of types a projection reads`);
    const measured = await alternate({
      rounds: size(2, 1),
      // One replay is long enough that warming up would only double the time.
      warmUp: false,
      baseline: {
        label: 'redis-benchmark -P 100, same commands',
        run: async () => redisBenchmark(longLog.mix, size(300_000, 100_000)),
      },
      project: { label: 'projector', run: () => rebuild(events) },
    });
    const mix = longLog.mix
      .perEvent()
      .map(({ command, perEvent, args }) => `${command} ×${perEvent.toFixed(2)} (${args} args)`)
      .join(', ');
    return [
      row(
        'Replay: every projection rebuilt from the log',
        measured,
        'eventsPerS',
        'events/s',
        (ratio, project) => [atLeast('ratio', ratio, 0.25), atLeast('events/s', project.eventsPerS, 50_000)],
        [
          `events/s counts every event of the log (${events.toLocaleString('en')}), ${projected.toLocaleString('en')} of them of types a projection reads; from spawning the projector to the last checkpoint.`,
          `Redis commands per event, as each event's ops go before a batch folds their repeats: ${mix}; the baseline runs each on random keys of a scratch database, so its sets and sorted sets are smaller than the read models'.`,
          'No warm-up round: one replay is long enough for the JIT to warm up within it.',
          cpuNote('event', measured),
        ],
      ),
    ];
  },
};

async function rebuild(events: number): Promise<Sample> {
  const { stack } = longLog;
  await stack.stop(['projector']);
  execFileSync('redis-cli', ['-u', stack.redisUrl, 'FLUSHDB'], { stdio: 'pipe' });
  const cpu = CpuMeter.start(stack);
  const started = performance.now();
  await stack.start(['projector']);
  await longLog.caughtUp();
  const seconds = (performance.now() - started) / 1_000;
  // The projector was not running when the meter started: its figure is all its CPU since spawning.
  const perEvent = cpu.perUnit(events);
  await stack.stop(['projector']);
  return { eventsPerS: events / seconds, seconds, ...perEvent };
}
