import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dataset } from './figures';
import { usePeriodLabel } from './use-labels';

/** A period as a tick: the week's number (`W40`) or the month's number and year (`10/2026`). */
const shortPeriod = (period: string) => period.replace(/^\d{4}-(W\d{2})$/, '$1').replace(/^(\d{4})-(\d{2})$/, '$2/$1');

/**
 * Trend lines (Observable Plot, SVG with ARIA labels): one line per series, named at its end so
 * colour is never the only way to tell them apart; a hidden point is a gap (the table says why).
 */
export function TrendChart({
  dataset,
  label,
  format,
  domain,
}: {
  dataset: Dataset;
  label: string;
  format: (value: number) => string;
  domain?: [number, number];
}) {
  const frame = useRef<HTMLDivElement>(null);
  const periodLabel = usePeriodLabel();
  const { t } = useTranslation();
  const description = t('hr.chartDescription');
  useEffect(() => {
    const points = dataset.series.flatMap((series) =>
      dataset.periods.map((period, i) => ({
        series: series.name,
        period,
        label: periodLabel(period),
        value: series.points[i].value,
      })),
    );
    const shown = points.filter((point) => point.value !== null);
    const chart = Plot.plot({
      ariaLabel: label,
      // Drawn at one size and scaled to its box by CSS (Plot gives the SVG a viewBox).
      width: 640,
      height: 300,
      marginRight: 130,
      x: { type: 'point', label: null, domain: dataset.periods, tickFormat: shortPeriod, tickRotate: -30 },
      y: { grid: true, label, domain, tickFormat: format },
      color: { scheme: 'dark2' },
      marks: [
        Plot.lineY(points, { x: 'period', y: 'value', z: 'series', stroke: 'series', strokeWidth: 2 }),
        Plot.dot(shown, {
          x: 'period',
          y: 'value',
          fill: 'series',
          r: 3,
          title: (point: (typeof points)[number]) => `${point.series}, ${point.label}: ${format(point.value!)}`,
        }),
        Plot.text(
          shown,
          Plot.selectLast({ x: 'period', y: 'value', z: 'series', text: 'series', dx: 6, textAnchor: 'start' }),
        ),
      ],
    });
    // One picture with one name for assistive technology: Plot also names its groups of marks, which axe refuses on `<g>`.
    chart.setAttribute('role', 'img');
    for (const named of chart.querySelectorAll('[aria-label]')) named.removeAttribute('aria-label');
    chart.setAttribute('aria-label', `${label}. ${description}`);
    frame.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [dataset, label, description, format, domain, periodLabel]);
  return <div className="chart" ref={frame} />;
}
