import { type Sample, atMost, median, percentile, row } from '../harness';
import type { Scenario } from '../scenario';
import type { Person, Stack } from '../stack';

const INCIDENTS = 8;
const OFFICERS = 4;
const CONNECTIONS = 4;

/**
 * What recording a read costs: `GET /v1/incidents/{id}` as wellbeing officers (each read appended
 * to the reader's access stream before the answer leaves) against the same incidents read by their
 * reporters, whose own reads are not recorded. Both sides load the same stream, build the same view
 * and decrypt the same narrative, so what differs is the append. The two kinds of request alternate
 * on every connection, so both meet the same machine at the same moments: on two shared cores,
 * loads taken one after the other differed more between themselves than the sides did.
 */
export const incidentReads: Scenario = {
  name: 'incident-reads',
  async run({ stack, size }) {
    const { reporters, officers, incidentIds } = await incidents(stack);
    const reads = {
      baseline: (i: number) => ({ incidentId: incidentIds[i], reader: reporters[i] }),
      project: (i: number) => ({ incidentId: incidentIds[i], reader: officers[i % OFFICERS] }),
    };
    await interleaved(stack, reads, 1_000); // warm-up: JIT, pools, the incidents' keys
    const rounds: { baseline: Sample; project: Sample }[] = [];
    for (let round = 0; round < size(5, 3); round++) rounds.push(await interleaved(stack, reads, size(6_000, 3_000)));
    const side = (label: string, runs: Sample[]) => ({
      label,
      runs,
      median: Object.fromEntries(Object.keys(runs[0]).map((name) => [name, median(runs.map((run) => run[name]))])),
    });
    const measured = {
      baseline: side(
        'reporters (not recorded)',
        rounds.map((r) => r.baseline),
      ),
      project: side(
        'officers (recorded)',
        rounds.map((r) => r.project),
      ),
    };
    // Each round's two sides met the same moments of the machine: their ratio is the comparison.
    const paired = median(rounds.map(({ baseline, project }) => project.p99 / baseline.p99));
    return [
      row(
        'Recording incident reads: GET /v1/incidents/{id} p99 with and without recording',
        measured,
        'p99',
        'ms',
        () => [atMost('ratio of each round, median', paired, 1.2)],
        [
          `${INCIDENTS} incidents with a narrative, read in turn over ${CONNECTIONS} connections, a recorded and an unrecorded read alternating on each; ${OFFICERS} officers, so concurrent appends go to several access streams.`,
          'The baseline is the same route and incidents read by their reporters, whose reads are not recorded (before recording, both reads cost the same).',
          `The target is checked on the median of the rounds' own ratios (${paired.toFixed(2)}), the sides of a round having been measured together; the ratio column is that of the medians.`,
        ],
      ),
    ];
  },
};

type Read = (i: number) => { incidentId: string; reader: Person };

/** For `ms`, each connection alternates a baseline and a project read, going round the incidents. */
async function interleaved(stack: Stack, reads: { baseline: Read; project: Read }, ms: number) {
  const latencies = { baseline: [] as number[], project: [] as number[] };
  const until = performance.now() + ms;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, connection) => {
      for (let n = connection; performance.now() < until; n++) {
        const side = n % 2 === 0 ? 'baseline' : 'project';
        const { incidentId, reader } = reads[side]((n >> 1) % INCIDENTS);
        const sent = performance.now();
        const response = await fetch(`${stack.url}/v1/incidents/${incidentId}`, {
          headers: { authorization: `Bearer ${reader.token}` },
        });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`GET /v1/incidents/${incidentId} answered ${response.status}`);
        latencies[side].push(performance.now() - sent);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const figures = (values: number[]): Sample => ({
    rps: values.length / seconds,
    p50: percentile(values, 50),
    p99: percentile(values, 99),
  });
  return { baseline: figures(latencies.baseline), project: figures(latencies.project) };
}

async function incidents(stack: Stack) {
  const teamId = await stack.createTeam('Incident reads');
  const reporters: Person[] = [];
  for (let i = 0; i < INCIDENTS; i++) reporters.push(await stack.enrol(['agent'], teamId));
  const officers: Person[] = [];
  for (let i = 0; i < OFFICERS; i++) officers.push(await stack.enrol(['wellbeing_officer'], teamId));
  const incidentIds: string[] = [];
  for (const reporter of reporters) {
    const { incidentId } = await stack.request<{ incidentId: string }>('POST', '/v1/incidents', reporter.token, {
      channel: 'phone',
      kinds: ['insult'],
      severity: 'high',
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      narrative: 'The customer shouted and called me names for ten minutes.',
      supportRequested: false,
      shareNarrativeWithLead: false,
    });
    incidentIds.push(incidentId);
  }
  return { reporters, officers, incidentIds };
}
