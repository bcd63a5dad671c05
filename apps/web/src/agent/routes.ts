import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireRole } from '../app/require-role';
import { rootRoute } from '../app/root-route';

/** The agent's pages, each its own chunk, loaded when it opens (budgets in .size-limit.json). */
const agentOnly = requireRole('agent');

export const agentHomeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agent',
  beforeLoad: agentOnly,
  component: lazyRouteComponent(() => import('./home/agent-home.page'), 'AgentHomePage'),
});

export const reportIncidentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agent/report',
  beforeLoad: agentOnly,
  component: lazyRouteComponent(() => import('./report-incident/report-incident.page'), 'ReportIncidentPage'),
});

export const agentRoutes = [agentHomeRoute, reportIncidentRoute];
