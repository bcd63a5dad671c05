import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rolePages } from '../app/role-pages';
import { rootRoute } from '../app/root-route';

/** The team lead's pages, each its own chunk, loaded when it opens (budgets in .size-limit.json). */
export const leadTeamRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/lead',
  beforeLoad: rolePages('lead', 'team_lead'),
  component: lazyRouteComponent(() => import('./team/lead-team.page'), 'LeadTeamPage'),
});

export const leadRoutes = [leadTeamRoute];
