import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';
import { ProblemNotice } from '../../app/error-notice';
import { usePageTitle } from '../../app/page-title';
import { CsvDownload } from '../dashboards/csv-download';
import { DashboardControls, TeamsLink } from '../dashboards/dashboard-controls';
import { dashboardQuery } from '../dashboards/dashboard-search';
import { DatasetTable } from '../dashboards/dataset-table';
import { datasetOf } from '../dashboards/figures';
import { GroupPager, useGroupPages } from '../dashboards/use-group-pages';
import { useNumberFormat } from '../dashboards/use-labels';

const route = getRouteApi('/hr/abuse');

/**
 * Abuse per 1,000 contacts by site (or the teams of one site) × period, as a heatmap table: the
 * number written in every cell, its colour only adding to it, and every hidden cell saying why.
 */
export function AbuseHeatmapPage() {
  const { t } = useTranslation();
  const title = usePageTitle('abuse.title');
  const search = route.useSearch();
  const pages = useGroupPages(search);
  const { cursor } = pages;
  const format = useNumberFormat({ maximumFractionDigits: 2 });
  const query = useQuery({
    queryKey: ['dashboards', 'abuse', search, cursor],
    queryFn: () => answer(api.GET('/v1/dashboards/abuse', { params: { query: dashboardQuery(search, cursor) } })),
  });
  const dataset =
    query.data &&
    datasetOf(
      query.data,
      { name: t('hr.organisation'), of: (period) => period.total },
      (cell) => cell.ratePer1000Contacts,
    );
  const caption = search.site
    ? t('abuse.captionTeams', { site: search.siteName || search.site })
    : t('abuse.captionSites');
  return (
    <section className="page page-wide">
      <h1>{title}</h1>
      <p className="hint">{t('abuse.intro')}</p>
      <DashboardControls search={search} to="/hr/abuse" />
      {query.isError && <ProblemNotice error={query.error} />}
      {query.isPending && <p role="status">{t('hr.loading')}</p>}
      {dataset && (
        <div className="stack">
          <p className="hint">{t('abuse.legend')}</p>
          <DatasetTable
            dataset={dataset}
            caption={caption}
            format={format}
            heat
            noValue={t('abuse.noContacts')}
            rowAction={(series) => <TeamsLink series={series} to="/hr/abuse" interval={search.interval} />}
          />
          <p className="inline-list">
            <CsvDownload dataset={dataset} file="abuse-per-1000-contacts" valueHeader={t('abuse.rate')} />
            <GroupPager pages={pages} nextCursor={query.data.nextCursor} />
          </p>
        </div>
      )}
    </section>
  );
}
