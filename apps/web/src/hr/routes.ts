import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rolePages } from '../app/role-pages';
import { rootRoute } from '../app/root-route';
import { validateDashboardSearch } from './dashboards/dashboard-search';

/** HR's pages, each its own chunk, loaded when it opens (budgets in .size-limit.json). */
const hrOnly = rolePages('hr', 'hr');

export const hrHomeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/hr',
  beforeLoad: hrOnly,
  component: lazyRouteComponent(() => import('./home/hr-home.page'), 'HrHomePage'),
});

export const abuseHeatmapRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/hr/abuse',
  beforeLoad: hrOnly,
  validateSearch: validateDashboardSearch,
  component: lazyRouteComponent(() => import('./abuse-heatmap/abuse-heatmap.page'), 'AbuseHeatmapPage'),
});

export const trendsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/hr/trends',
  beforeLoad: hrOnly,
  validateSearch: validateDashboardSearch,
  component: lazyRouteComponent(() => import('./trends/trends.page'), 'TrendsPage'),
});

export const campaignsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/hr/campaigns',
  beforeLoad: hrOnly,
  component: lazyRouteComponent(() => import('./campaigns/campaigns.page'), 'CampaignsPage'),
});

export const campaignRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/hr/campaigns/$campaignId',
  beforeLoad: hrOnly,
  component: lazyRouteComponent(() => import('./campaigns/campaign.page'), 'CampaignPage'),
});

export const wallLinkRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/hr/wall',
  // Admins may make a wall's link too (the api lets HR and admins).
  beforeLoad: rolePages('hr', 'hr', 'admin'),
  component: lazyRouteComponent(() => import('./wall-link/wall-link.page'), 'WallLinkPage'),
});

export const hrRoutes = [hrHomeRoute, abuseHeatmapRoute, trendsRoute, campaignsRoute, campaignRoute, wallLinkRoute];
