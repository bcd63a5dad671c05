import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rolePages } from '../app/role-pages';
import { rootRoute } from '../app/root-route';

/** The wellbeing officer's pages, each its own chunk, loaded when it opens (budgets in .size-limit.json). */
export const officerQueueRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/officer',
  beforeLoad: rolePages('officer', 'wellbeing_officer'),
  component: lazyRouteComponent(() => import('./queue/officer-queue.page'), 'OfficerQueuePage'),
});

export const officerRoutes = [officerQueueRoute];
