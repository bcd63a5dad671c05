import type autocannon from 'autocannon';
import { averageRowBytes, createBaselineTable, insertEventScript, psql, storedEventRow } from '../baselines/event-rows';
import { CpuMeter, cpuNote } from '../cpu';
import { idleNodePeakRssMb } from '../baselines/idle-node';
import { pgbench } from '../baselines/pgbench';
import { type Measured, type Row, alternate, atLeast, atMost, row } from '../harness';
import { commandRequest, httpLoad } from '../load';
import type { Scenario } from '../scenario';
import type { App, Person, Stack } from '../stack';

const CONNECTIONS = 64;
const APPS: readonly App[] = ['api', 'projector', 'worker'];

interface Command {
  path: string;
  /** The event the command stores, whose row the baseline inserts. */
  event: string;
  body(sender: Person, recipient: Person): unknown;
}

const COMMANDS: readonly Command[] = [
  {
    path: '/v1/kudos',
    event: 'KudosSent',
    body: (_, recipient) => ({
      to: [recipient.personId],
      message: 'Thank you for taking over that difficult call',
      values: ['empathy', 'teamwork'],
      visibility: 'public',
    }),
  },
  {
    path: '/v1/incidents',
    event: 'AbuseIncidentReported',
    body: () => ({
      channel: 'phone',
      kinds: ['shouting', 'insult'],
      severity: 'moderate',
      occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      narrative: 'The caller shouted at me for ten minutes.',
      supportRequested: false,
      shareNarrativeWithLead: false,
    }),
  },
];

/**
 * Commands through the whole api — authenticated, validated, decided, appended to PostgreSQL,
 * the answer remembered under its Idempotency-Key — from 64 connections, each request a new
 * key and one of many agents (so no two contend on one sender's kudos allowance), against
 * PostgreSQL's own floor for what a command stores: pgbench's one-row INSERT of a row as
 * large as the command's event, into a table of the same shape, from 64 clients. Meanwhile
 * the peak resident set of each app, against an idle node process (the floor of any Node app).
 */
export const commands: Scenario = {
  name: 'commands',
  async run({ stack, size, log }) {
    const database = new URL(stack.databaseUrl).pathname.slice(1);
    const team = await stack.createTeam('Bench commands');
    const agents = await Promise.all(Array.from({ length: size(256, 64) }, () => stack.enrol(['agent'], team)));
    const table = createBaselineTable(database);
    const seconds = size(4, 1);
    for (const app of APPS) stack.resetPeakRss(app);

    const rows: Row[] = [];
    for (const command of COMMANDS) {
      // One stored event to copy the size of, before the baseline first runs.
      await stack.request('POST', command.path, agents[0].token, command.body(agents[0], agents[1]));
      const stored = storedEventRow(database, command.event);
      const measured = await alternate({
        rounds: size(3, 1),
        baseline: {
          label: 'pgbench INSERT',
          run: async () => {
            closeIdleConnections(database);
            const cpu = CpuMeter.start(stack);
            const { perSecond, ...figures } = await pgbench({
              database,
              ...insertEventScript(table, stored),
              clients: CONNECTIONS,
              seconds,
            });
            return { rps: perSecond, ...figures, ...cpu.perUnit(perSecond * seconds) };
          },
        },
        project: {
          label: 'api',
          run: async () => {
            const cpu = CpuMeter.start(stack);
            const figures = await httpLoad(commandLoad(stack, command, agents, seconds));
            return { ...figures, ...cpu.perUnit(figures.rps * seconds) };
          },
        },
      });
      const bytes = `rows of ${averageRowBytes(database, 'eventstore.events', command.event)} B (${command.event}) vs ${averageRowBytes(database, table, command.event)} B`;
      log(`POST ${command.path}: ${bytes}`);
      rows.push(
        row(
          `Commands: POST ${command.path}, ${CONNECTIONS} connections`,
          measured,
          'rps',
          'req/s',
          (ratio, project) => [atLeast('ratio', ratio, 0.6), atMost('p99 ms', project.p99, 25)],
          [
            bytes,
            cpuNote('request', measured),
            "pgbench's processes come and go with each run: they are counted in the machine's CPU only.",
          ],
        ),
      );
    }

    const idle = await idleNodePeakRssMb();
    for (const app of APPS) {
      const peak = stack.peakRssMb(app);
      const memory = { baseline: measuredOnce('idle node', idle), project: measuredOnce(app, peak) };
      rows.push(
        row(`Memory: ${app}, peak during the commands`, memory, 'rssMb', 'MB', () => [atMost('MB', peak, 250)]),
      );
    }
    return rows;
  },
};

function commandLoad(stack: Stack, command: Command, agents: Person[], seconds: number): autocannon.Options {
  return {
    url: stack.url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [commandRequest(command.path, agents, command.body)],
  };
}

/**
 * PostgreSQL here takes 100 connections and pgbench needs 64, while the apps' pools keep up
 * to 40 open from the last load: the idle ones are closed (a pool opens another when it needs
 * one), but not the apps' LISTEN connections.
 */
function closeIdleConnections(database: string): void {
  psql(
    'postgres',
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = '${database}' AND state = 'idle' AND query NOT LIKE 'LISTEN%'`,
  );
}

function measuredOnce(label: string, rssMb: number): Measured {
  return { label, runs: [{ rssMb }], median: { rssMb } };
}
