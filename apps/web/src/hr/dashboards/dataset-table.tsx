import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dataset, Series, Shown } from './figures';
import { useHiddenLabel, usePeriodLabel } from './use-labels';

/** Five steps from light to dark; the number is always written in the cell, the colour only adds to it. */
const HEAT = ['#fff4e5', '#fdd9a8', '#f9b26b', '#e0742b', '#a4461a'];

const heatOf = (value: number, max: number) =>
  HEAT[Math.min(HEAT.length - 1, Math.floor((max > 0 ? value / max : 0) * HEAT.length))];

/**
 * A dashboard's data as a table: a row per series (the organisation first), a column per period,
 * each cell the number as released or why it is hidden. With `heat`, cells are coloured by their
 * number too (the heatmap).
 */
export function DatasetTable({
  dataset,
  caption,
  format,
  heat = false,
  noValue,
  rowAction,
}: {
  dataset: Dataset;
  caption: string;
  format: (value: number) => string;
  heat?: boolean;
  /** What a cell without a value says (no contacts to rate against, nobody in the group…). */
  noValue: string;
  rowAction?: (series: Series) => ReactNode;
}) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const max = Math.max(0, ...dataset.series.flatMap((series) => series.points.map((point) => point.value ?? 0)));
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className={heat ? 'data-table heatmap' : 'data-table'}>
        <caption>
          {caption}
          <span className="hint"> {t('hr.threshold', { minGroup: dataset.minGroup })}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('hr.group')}</th>
            {dataset.periods.map((period) => (
              <th scope="col" key={period}>
                {periodLabel(period)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {dataset.series.map((series) => (
            <tr key={series.id}>
              <th scope="row">
                {series.name}
                {rowAction?.(series)}
              </th>
              {series.points.map((point, i) => (
                <Cell
                  key={dataset.periods[i]}
                  point={point}
                  format={format}
                  heat={heat}
                  max={max}
                  minGroup={dataset.minGroup}
                  noValue={noValue}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface CellProps {
  point: Shown;
  format: (value: number) => string;
  heat: boolean;
  max: number;
  minGroup: number;
  noValue: string;
}

function Cell({ point, format, heat, max, minGroup, noValue }: CellProps) {
  const hidden = useHiddenLabel();
  if (point.hidden) {
    return (
      <td className="cell-hidden">
        <span aria-hidden="true">⊘ </span>
        {hidden(point.hidden, minGroup)}
      </td>
    );
  }
  if (point.value === null) return <td className="cell-none">{noValue}</td>;
  const background = heat ? heatOf(point.value, max) : undefined;
  const dark = background === HEAT[HEAT.length - 1];
  return (
    <td style={background ? { background, color: dark ? '#ffffff' : undefined } : undefined}>{format(point.value)}</td>
  );
}
