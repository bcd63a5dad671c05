import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import type { Row } from './harness';
import type { BenchContext } from './scenario';
import { SCENARIOS } from './scenarios';
import { Stack } from './stack';

/**
 * npm run bench [-- --quick] [--json <file>] [--markdown <file>] [--only <scenario,…>]
 * Every scenario measures a baseline and the project alternately in this one run and reports
 * medians and their ratio; the table and the JSON hold the same figures.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      json: { type: 'string' },
      markdown: { type: 'string' },
      only: { type: 'string' },
    },
  });
  const quick = values.quick!;
  const only = values.only?.split(',');
  const scenarios = SCENARIOS.filter((scenario) => !only || only.includes(scenario.name));
  const started = Date.now();
  const machine = describeMachine();
  process.stdout.write(`${quick ? 'Quick' : 'Full'} bench on ${machine.summary}\n`);

  const stack = new Stack();
  if (scenarios.some((scenario) => !scenario.ownStacks)) {
    stack.reset();
    await stack.start();
  }
  const context: BenchContext = {
    quick,
    stack,
    size: (full, quickly) => (quick ? quickly : full),
    log: (message) => process.stdout.write(`  ${message}\n`),
  };
  const rows: Row[] = [];
  try {
    for (const scenario of scenarios) {
      process.stdout.write(`\n▶ ${scenario.name}\n`);
      const scenarioStarted = Date.now();
      rows.push(...(await scenario.run(context)));
      context.log(`(${((Date.now() - scenarioStarted) / 1000).toFixed(0)} s)`);
    }
  } finally {
    await stack.stop();
  }

  const durationS = (Date.now() - started) / 1000;
  const lines = tableLines(rows);
  const widths = lines[0].map((_, column) => Math.max(...lines.map((line) => line[column].length)));
  process.stdout.write(
    `\n${lines.map((line) => line.map((cell, i) => cell.padEnd(widths[i])).join('  ')).join('\n')}\n`,
  );
  const missed = rows.flatMap((row) => row.checks.filter((check) => !check.met));
  process.stdout.write(
    `${rows.length} rows in ${durationS.toFixed(0)} s; ${missed.length === 0 ? 'every target met' : `${missed.length} targets missed`}\n`,
  );
  if (values.markdown) writeFileSync(values.markdown, markdown(lines, machine.summary));
  if (values.json) {
    writeFileSync(
      values.json,
      JSON.stringify({ quick, startedAt: new Date(started), durationS, machine, rows }, null, 2),
    );
    process.stdout.write(`Figures written to ${values.json}\n`);
  }
}

function describeMachine() {
  const read = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8' }).trim();
  const machine = {
    cpu: cpus()[0].model,
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: read('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-tAc', 'SHOW server_version']),
    redis: /redis_version:(\S+)/.exec(read('redis-cli', ['INFO', 'server']))![1],
  };
  return {
    ...machine,
    summary: `${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}, PostgreSQL ${machine.postgres}, Redis ${machine.redis}`,
  };
}

/** The report as rows of cells, a header first: printed as a table, or written as Markdown for the README. */
function tableLines(rows: Row[]): string[][] {
  const figure = (value: number, unit: string) =>
    `${value >= 100 ? Math.round(value).toLocaleString('en') : value.toPrecision(3)} ${unit}`;
  return [
    ['scenario', 'baseline', 'project', 'ratio', 'targets'],
    ...rows.map((row) => [
      row.scenario,
      `${row.baseline.label}: ${figure(row.baseline.median[row.figure], row.unit)}`,
      figure(row.project.median[row.figure], row.unit),
      row.ratio.toFixed(2),
      row.checks
        .map((check) => `${check.met ? '✓' : '✗'} ${check.what} ${figure(check.value, '').trim()} ${check.target}`)
        .join('; '),
    ]),
  ];
}

function markdown(lines: string[][], machine: string): string {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [row(lines[0]), row(lines[0].map(() => '---')), ...lines.slice(1).map(row), '', `On ${machine}.`, ''].join(
    '\n',
  );
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
