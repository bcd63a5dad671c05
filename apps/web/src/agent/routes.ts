import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rolePages } from '../app/role-pages';
import { rootRoute } from '../app/root-route';

/** The agent's pages, each its own chunk, loaded when it opens (budgets in .size-limit.json). */
const agentPages = rolePages('agent', 'agent');

export const agentHomeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agent',
  beforeLoad: agentPages,
  component: lazyRouteComponent(() => import('./home/agent-home.page'), 'AgentHomePage'),
});

export const reportIncidentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agent/report',
  beforeLoad: agentPages,
  component: lazyRouteComponent(() => import('./report-incident/report-incident.page'), 'ReportIncidentPage'),
});

export const myIncidentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agent/incidents',
  beforeLoad: agentPages,
  component: lazyRouteComponent(() => import('./my-incidents/my-incidents.page'), 'MyIncidentsPage'),
});

export const myIncidentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agent/incidents/$incidentId',
  beforeLoad: agentPages,
  component: lazyRouteComponent(() => import('./my-incidents/my-incident.page'), 'MyIncidentPage'),
});

export const sendKudosRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agent/kudos',
  beforeLoad: agentPages,
  component: lazyRouteComponent(() => import('./send-kudos/send-kudos.page'), 'SendKudosPage'),
});

export const myRecognitionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agent/recognition',
  beforeLoad: agentPages,
  component: lazyRouteComponent(() => import('./my-recognition/my-recognition.page'), 'MyRecognitionPage'),
});

export const myWellbeingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/agent/wellbeing',
  beforeLoad: agentPages,
  component: lazyRouteComponent(() => import('./wellbeing/my-wellbeing.page'), 'MyWellbeingPage'),
});

export const agentRoutes = [
  agentHomeRoute,
  reportIncidentRoute,
  myIncidentsRoute,
  myIncidentRoute,
  sendKudosRoute,
  myRecognitionRoute,
  myWellbeingRoute,
];
