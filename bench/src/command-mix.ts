import { execFileSync } from 'node:child_process';
import type { LogPosition, RecordedEvent } from '@frontline/event-store';
import { ALL_PROJECTIONS } from '@frontline/projections';
import { Keyspace, scriptCommands } from '@frontline/read-models';
import type { HistoryAppend } from '@frontline/testing';
import type { Sample } from './harness';

/** A remembered op's command: its JSON starts `["ZREM",`. */
const rememberedCommand = (encoded: string) => encoded.slice(2, encoded.indexOf('"', 2));

/**
 * The Redis commands the projections' apply scripts run for a log, counted as it is generated:
 * each command with how often it runs and its mean number of arguments. An undo list that is run
 * counts its LRANGE and DEL and every command it remembered. The checkpoint and status writes of
 * each batch are left out: they are per batch, not per event.
 */
export class CommandMix {
  events = 0;
  /** Events of types a projection reads. */
  projected = 0;
  private readonly commands = new Map<string, { count: number; args: number }>();
  private readonly undoLists = new Map<string, Map<string, number>>();
  private readonly projections = ALL_PROJECTIONS.map((projection) => ({
    projection,
    types: new Set(projection.eventTypes),
    keys: new Keyspace(projection.name, 1),
  }));

  observe({ streamName, revision, events }: HistoryAppend): void {
    events.forEach((event, i) => {
      const recorded: RecordedEvent = {
        ...event,
        streamName,
        revision: BigInt(revision + i),
        position: '' as LogPosition,
        recordedAt: new Date(),
      };
      this.events++;
      const reading = this.projections.filter(({ types }) => types.has(event.type));
      if (reading.length > 0) this.projected++;
      for (const { projection, keys } of reading) this.count(scriptCommands(projection.project(recorded, keys)));
    });
  }

  /** Commands per event, by command, with their mean number of arguments after the key. */
  perEvent(): { command: string; perEvent: number; args: number }[] {
    return [...this.commands].map(([command, { count, args }]) => ({
      command,
      perEvent: count / this.events,
      args: Math.max(0, Math.round(args / count)),
    }));
  }

  private count(commands: string[][]): void {
    for (const [command, key, ...args] of commands) {
      if (command === 'UNDO_PUSH') {
        const remembered = this.undoLists.get(key) ?? new Map<string, number>();
        for (const encoded of args) {
          const undo = rememberedCommand(encoded);
          remembered.set(undo, (remembered.get(undo) ?? 0) + 1);
        }
        this.undoLists.set(key, remembered);
        this.add('RPUSH', args.length);
      } else if (command === 'UNDO_RUN') {
        this.add('LRANGE', 2);
        for (const [undo, times] of this.undoLists.get(key) ?? []) this.add(undo, UNDO_ARGS[undo] ?? 1, times);
        this.add('DEL', 0);
        this.undoLists.delete(key);
      } else this.add(command, args.length);
    }
  }

  private add(command: string, args: number, times = 1): void {
    const counted = this.commands.get(command) ?? { count: 0, args: 0 };
    counted.count += times;
    counted.args += args * times;
    this.commands.set(command, counted);
  }
}

/** Arguments after the key of the ops projections remember. */
const UNDO_ARGS: Record<string, number> = { ZREM: 1, ZINCRBY: 2, ZREMRANGEBYSCORE: 2, DEL: 0 };

/** What each command looks like to redis-benchmark: random keys of its own, random members, values of a typical size. */
function benchmarkArgs(command: string, args: number): string[] {
  const key = `mix:${command}:__rand_int__`;
  const member = 'member:__rand_int__';
  const value = 'v'.repeat(60);
  switch (command) {
    case 'HINCRBY':
      return [key, 'field', '1'];
    case 'ZINCRBY':
      return [key, '1', member];
    case 'ZADD':
      return [key, '__rand_int__', member];
    case 'SADD':
    case 'SREM':
    case 'ZREM':
      return [key, member];
    case 'ZREMRANGEBYSCORE':
      return [key, '-inf', '0'];
    case 'LRANGE':
      return [key, '0', '-1'];
    case 'HSET':
      return [
        key,
        ...Array.from({ length: Math.max(1, args >> 1) }, (_, i) => [`field${i}`, value.slice(0, 36)]).flat(),
      ];
    case 'RPUSH':
      return [key, ...Array.from({ length: Math.max(1, args) }, () => value)];
    default:
      return [key, ...Array.from({ length: args }, () => 'x')];
  }
}

/**
 * The baseline: each command of the mix as redis-benchmark runs it pipelined (100 deep, 4
 * connections) on a scratch database (15, flushed after), turned into the events per second the
 * same Redis would take if each event cost its mix: 1 / Σ(commands per event / commands per s).
 */
export function redisBenchmark(mix: CommandMix, requests: number): Sample {
  let secondsPerEvent = 0;
  try {
    for (const { command, perEvent, args } of mix.perEvent()) {
      const csv = execFileSync(
        'redis-benchmark',
        [
          '-h',
          '127.0.0.1',
          '-p',
          '6379',
          '--dbnum',
          '15',
          '-n',
          String(requests),
          '-c',
          '4',
          '-P',
          '100',
          '-r',
          '100000',
          '-q',
          '--csv',
          command,
          ...benchmarkArgs(command, args),
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const perSecond = Number(JSON.parse(`[${csv.trim().split('\n').at(-1)}]`)[1]);
      secondsPerEvent += perEvent / perSecond;
    }
  } finally {
    execFileSync('redis-cli', ['-n', '15', 'FLUSHDB'], { stdio: 'pipe' });
  }
  return { eventsPerS: 1 / secondsPerEvent };
}
