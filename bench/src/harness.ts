/** Figures of one run of one side, by name: `{ rps: 9120, p99: 14 }`. */
export type Sample = Record<string, number>;

/** One side of a comparison: every run it made, and the median of each figure over them. */
export interface Measured {
  label: string;
  runs: Sample[];
  median: Sample;
}

export interface Check {
  what: string;
  value: number;
  target: string;
  met: boolean;
}

/**
 * One line of the report: a baseline and the project measured alternately in the same run,
 * compared on one figure. `ratio` is always project ÷ baseline; the checks say which way is good.
 */
export interface Row {
  scenario: string;
  /** The figure compared, a key of both samples. */
  figure: string;
  unit: string;
  baseline: Measured;
  project: Measured;
  ratio: number;
  checks: Check[];
  notes: string[];
}

export function atLeast(what: string, value: number, target: number): Check {
  return { what, value, target: `≥ ${target}`, met: value >= target };
}

export function atMost(what: string, value: number, target: number): Check {
  return { what, value, target: `≤ ${target}`, met: value <= target };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The nearest-rank percentile (p in 0..100) of unsorted values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function medians(label: string, runs: Sample[]): Measured {
  const names = Object.keys(runs[0] ?? {});
  return { label, runs, median: Object.fromEntries(names.map((name) => [name, median(runs.map((run) => run[name]))])) };
}

/** One run of one side; the warm-up run may be shorter, its figures are dropped. */
export type SideRun = (round: { warmUp: boolean }) => Promise<Sample>;

export interface Alternation {
  baseline: { label: string; run: SideRun };
  project: { label: string; run: SideRun };
  rounds: number;
  /** A run of each side whose figures are dropped: JIT, connection pools and caches warm up. */
  warmUp?: boolean;
}

/**
 * Runs the baseline and the project one after the other, `rounds` times, so both see the same
 * machine: on a small, noisy machine only figures taken side by side can be compared.
 */
export async function alternate({ baseline, project, rounds, warmUp = true }: Alternation) {
  if (warmUp) {
    await baseline.run({ warmUp: true });
    await project.run({ warmUp: true });
  }
  const runs = { baseline: [] as Sample[], project: [] as Sample[] };
  for (let round = 0; round < rounds; round++) {
    runs.baseline.push(await baseline.run({ warmUp: false }));
    runs.project.push(await project.run({ warmUp: false }));
  }
  return { baseline: medians(baseline.label, runs.baseline), project: medians(project.label, runs.project) };
}

/** A row comparing the two sides on `figure`; checks are made from the medians. */
export function row(
  scenario: string,
  measured: { baseline: Measured; project: Measured },
  figure: string,
  unit: string,
  checks: (ratio: number, project: Sample, baseline: Sample) => Check[],
  notes: string[] = [],
): Row {
  const ratio = measured.project.median[figure] / measured.baseline.median[figure];
  return {
    scenario,
    figure,
    unit,
    ...measured,
    ratio,
    checks: checks(ratio, measured.project.median, measured.baseline.median),
    notes,
  };
}
