import type { components } from '../../api/schema.gen';

/** A number about people as a dashboard releases it: shown, or hidden with the reason. */
export type Figure = components['schemas']['SuppressibleNumber'];
export type HiddenReason = NonNullable<Figure['reason']>;

/** What one cell of a table or chart says: its value, or why it is hidden. */
export type Shown = { value: number | null; hidden?: undefined } | { value: null; hidden: HiddenReason };

export const shownOf = (figure: Figure | undefined): Shown =>
  !figure
    ? { value: null }
    : figure.suppressed
      ? { value: null, hidden: figure.reason ?? 'too-few-people' }
      : { value: figure.value };

/** One line of a trend (or one row of the heatmap): a group, or the organisation, over the periods. */
export interface Series {
  id: string;
  name: string;
  /** A site that has teams to drill into. */
  site?: string;
  points: Shown[];
}

/** A dashboard's periods and series, as a chart, its table and its CSV all show them. */
export interface Dataset {
  periods: string[];
  series: Series[];
  /** PRIVACY_MIN_GROUP the numbers were released under. */
  minGroup: number;
}

/** How a group names itself in an answer: by the id of its grouping, and sites and teams by name. */
interface GroupIds {
  site?: string;
  team?: string;
  channel?: string;
  name?: string;
}

/**
 * Builds a dataset from a dashboard answer: the organisation's line first, then each group of the
 * page in the order the api gave them, each with one point per period.
 */
export function datasetOf<F, P extends { period: string; groups: (GroupIds & F)[] }>(
  answer: { periods: P[]; minGroup: number },
  organisation: { name: string; of: (period: P) => F },
  figure: (cell: F) => Figure | undefined,
): Dataset {
  const periods = answer.periods.map(({ period }) => period);
  const series: Series[] = [
    { id: 'org', name: organisation.name, points: answer.periods.map((p) => shownOf(figure(organisation.of(p)))) },
  ];
  const idOf = (group: GroupIds) => group.team ?? group.site ?? group.channel ?? '';
  for (const group of answer.periods[0]?.groups ?? []) {
    const id = idOf(group);
    series.push({
      id,
      name: group.name || id,
      ...(group.site !== undefined && group.team === undefined ? { site: group.site } : {}),
      points: answer.periods.map((p) => {
        const cell = p.groups.find((other) => idOf(other) === id);
        return shownOf(cell && figure(cell));
      }),
    });
  }
  return { periods, series, minGroup: answer.minGroup };
}

/** `2026-W40` → week 40 of 2026; `2026-10` → October 2026, in the reader's language. */
export function periodLabel(period: string, language: string, weekLabel: (week: number, year: number) => string) {
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (week) return weekLabel(Number(week[2]), Number(week[1]));
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (!month) return period;
  const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 15));
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A CSV file (RFC 4180): every field quoted when it needs to be, lines ended by CRLF. */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  const field = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/**
 * The CSV of exactly what a table shows: one line per series and period, the number as released
 * (empty when hidden), why it is hidden, and the privacy threshold it was released under.
 */
export function datasetCsv(
  dataset: Dataset,
  headers: { group: string; period: string; value: string; hidden: string; threshold: string },
  label: { period: (period: string) => string; hidden: (reason: HiddenReason) => string },
): string {
  const rows = dataset.series.flatMap((series) =>
    dataset.periods.map((period, i) => {
      const point = series.points[i];
      return [
        series.name,
        label.period(period),
        point.value,
        point.hidden ? label.hidden(point.hidden) : '',
        dataset.minGroup,
      ];
    }),
  );
  return toCsv([[headers.group, headers.period, headers.value, headers.hidden, headers.threshold], ...rows]);
}
