/** What a dashboard page shows, kept in its address: the interval, and the site whose teams are open. */
export interface DashboardSearch {
  interval: 'week' | 'month';
  site?: string;
  siteName?: string;
}

export const validateDashboardSearch = (search: Record<string, unknown>): DashboardSearch => ({
  interval: search.interval === 'month' ? 'month' : 'week',
  ...(typeof search.site === 'string' && /^[0-9a-f-]{36}$/i.test(search.site)
    ? { site: search.site, siteName: typeof search.siteName === 'string' ? search.siteName.slice(0, 200) : '' }
    : {}),
});

/** The query of a dashboard for this search: the sites, or the teams of one site. */
export const dashboardQuery = ({ interval, site }: DashboardSearch, cursor?: string) =>
  site === undefined
    ? { interval, groupBy: 'site' as const, limit: 20, cursor }
    : { interval, groupBy: 'team' as const, site, limit: 20, cursor };
