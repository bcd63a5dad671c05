import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';
import { ProblemNotice } from '../../app/error-notice';
import { usePageTitle } from '../../app/page-title';
import { CsvDownload } from '../dashboards/csv-download';
import { DashboardControls, TeamsLink } from '../dashboards/dashboard-controls';
import { dashboardQuery } from '../dashboards/dashboard-search';
import { DatasetTable } from '../dashboards/dataset-table';
import { type Dataset, datasetOf } from '../dashboards/figures';
import { TrendChart } from '../dashboards/trend-chart';
import { GroupPager, useGroupPages } from '../dashboards/use-group-pages';
import { useNumberFormat } from '../dashboards/use-labels';

const route = getRouteApi('/hr/trends');
const PULSE_MEASURES = ['mood', 'energy', 'workload'] as const;
type PulseMeasure = (typeof PULSE_MEASURES)[number];

/** Wellbeing participation, the weekly pulse and recognition coverage, by site or a site's teams, over time. */
export function TrendsPage() {
  const { t } = useTranslation();
  const title = usePageTitle('trends.title');
  const search = route.useSearch();
  // Each dashboard lists its own groups, a page at a time: each has its own pages.
  const wellbeingPages = useGroupPages({ ...search, dashboard: 'wellbeing' });
  const recognitionPages = useGroupPages({ ...search, dashboard: 'recognition' });
  const [measure, setMeasure] = useState<PulseMeasure>('mood');
  const percent = useNumberFormat({ style: 'percent', maximumFractionDigits: 0 });
  const score = useNumberFormat({ maximumFractionDigits: 1 });
  const wellbeing = useQuery({
    queryKey: ['dashboards', 'wellbeing', search, wellbeingPages.cursor],
    queryFn: () =>
      answer(api.GET('/v1/dashboards/wellbeing', { params: { query: dashboardQuery(search, wellbeingPages.cursor) } })),
  });
  const recognition = useQuery({
    queryKey: ['dashboards', 'recognition', search, recognitionPages.cursor],
    queryFn: () =>
      answer(
        api.GET('/v1/dashboards/recognition', { params: { query: dashboardQuery(search, recognitionPages.cursor) } }),
      ),
  });
  const name = t('hr.organisation');
  const w = wellbeing.data;
  const r = recognition.data;
  const wellbeingOrg = { name, of: (period: NonNullable<typeof w>['periods'][number]) => period.org };
  const recognitionOrg = { name, of: (period: NonNullable<typeof r>['periods'][number]) => period.org };
  const participation = w && datasetOf(w, wellbeingOrg, (cell) => cell.participationRate);
  const pulse = w && datasetOf(w, wellbeingOrg, (cell) => cell.pulse[measure]);
  const coverage = r && datasetOf(r, recognitionOrg, (cell) => cell.coverage);
  const teamsLink = (series: Dataset['series'][number]) => (
    <TeamsLink series={series} to="/hr/trends" interval={search.interval} />
  );

  return (
    <section className="page page-wide">
      <h1>{title}</h1>
      <p className="hint">{t('trends.intro')}</p>
      <DashboardControls search={search} to="/hr/trends" />
      {(wellbeing.isPending || recognition.isPending) && <p role="status">{t('hr.loading')}</p>}
      {wellbeing.isError && <ProblemNotice error={wellbeing.error} />}
      {recognition.isError && <ProblemNotice error={recognition.error} />}
      {participation && (
        <Trend
          id="participation"
          title={t('trends.participation')}
          dataset={participation}
          format={percent}
          domain={[0, 1]}
          rowAction={teamsLink}
        />
      )}
      {pulse && (
        <Trend id="pulse" title={t(`trends.pulse.${measure}`)} dataset={pulse} format={score} domain={[1, 5]}>
          <label className="field">
            <span>{t('trends.pulse.measure')}</span>
            <select value={measure} onChange={(event) => setMeasure(event.target.value as PulseMeasure)}>
              {PULSE_MEASURES.map((m) => (
                <option key={m} value={m}>
                  {t(`trends.pulse.measures.${m}`)}
                </option>
              ))}
            </select>
          </label>
        </Trend>
      )}
      <p className="inline-list">
        <GroupPager pages={wellbeingPages} nextCursor={w?.nextCursor} />
      </p>
      {coverage && (
        <Trend
          id="coverage"
          title={t('trends.coverage')}
          dataset={coverage}
          format={percent}
          domain={[0, 1]}
          rowAction={teamsLink}
        />
      )}
      <p className="inline-list">
        <GroupPager pages={recognitionPages} nextCursor={r?.nextCursor} />
      </p>
    </section>
  );
}

/** One trend: its chart, the table beside it and the CSV of that table. */
function Trend({
  id,
  title,
  dataset,
  format,
  domain,
  rowAction,
  children,
}: {
  id: string;
  title: string;
  dataset: Dataset;
  format: (value: number) => string;
  domain: [number, number];
  rowAction?: (series: Dataset['series'][number]) => React.ReactNode;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="trend stack" aria-labelledby={`trend-${id}`}>
      <h2 id={`trend-${id}`}>{title}</h2>
      {children}
      <div className="chart-and-table">
        <TrendChart dataset={dataset} label={title} format={format} domain={domain} />
        <DatasetTable
          noValue={t('hr.noValue')}
          dataset={dataset}
          caption={t('hr.tableOf', { what: title })}
          format={format}
          rowAction={rowAction}
        />
      </div>
      <p>
        <CsvDownload dataset={dataset} file={id} valueHeader={title} />
      </p>
    </section>
  );
}
