import { Link, useNavigate } from '@tanstack/react-router';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { DashboardSearch } from './dashboard-search';
import type { Series } from './figures';

/** Where the page stands (all sites, or one site's teams) and the interval, as links and a radio group. */
export function DashboardControls({ search, to }: { search: DashboardSearch; to: '/hr/abuse' | '/hr/trends' }) {
  const { t } = useTranslation();
  return (
    <div className="dashboard-controls">
      <nav aria-label={t('hr.drill.where')}>
        <ol className="breadcrumbs">
          <li>
            {search.site ? (
              <Link to={to} search={{ interval: search.interval }}>
                {t('hr.drill.allSites')}
              </Link>
            ) : (
              <span aria-current="page">{t('hr.drill.allSites')}</span>
            )}
          </li>
          {search.site && (
            <li>
              <span aria-current="page">{t('hr.drill.teamsOf', { site: search.siteName || search.site })}</span>
            </li>
          )}
        </ol>
      </nav>
      <IntervalChoice search={search} to={to} />
    </div>
  );
}

function IntervalChoice({ search, to }: { search: DashboardSearch; to: '/hr/abuse' | '/hr/trends' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <RadioGroup
      className="field"
      orientation="horizontal"
      value={search.interval}
      // The interval is part of the address, so a reload or a shared link shows the same.
      onChange={(interval) => void navigate({ to, search: { ...search, interval: interval as 'week' | 'month' } })}
    >
      <Label>{t('hr.interval')}</Label>
      <div className="choices">
        <Radio value="week" className="choice">
          {t('hr.intervals.week')}
        </Radio>
        <Radio value="month" className="choice">
          {t('hr.intervals.month')}
        </Radio>
      </div>
    </RadioGroup>
  );
}

/** On a site's row: a link to its teams. */
export function TeamsLink({
  series,
  to,
  interval,
}: {
  series: Series;
  to: '/hr/abuse' | '/hr/trends';
  interval: 'week' | 'month';
}) {
  const { t } = useTranslation();
  if (!series.site) return null;
  return (
    <>
      {' '}
      <Link to={to} search={{ interval, site: series.site, siteName: series.name }} className="drill">
        {t('hr.drill.teams', { site: series.name })}
      </Link>
    </>
  );
}
