import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rolePages } from '../app/role-pages';
import { rootRoute } from '../app/root-route';
import { loadRoleStrings } from '../i18n/i18n';

const officerPages = rolePages('officer', 'wellbeing_officer');

/** The wellbeing officer's pages, each its own chunk, loaded when it opens (budgets in .size-limit.json). */
export const officerQueueRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/officer',
  // The officer's queue is the lead's queue component, with the lead's strings.
  beforeLoad: async (route: Parameters<typeof officerPages>[0]) => {
    await officerPages(route);
    await loadRoleStrings('lead');
  },
  component: lazyRouteComponent(() => import('./queue/officer-queue.page'), 'OfficerQueuePage'),
});

export const officerRoutes = [officerQueueRoute];
