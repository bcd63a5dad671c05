import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../app/root-route';

/** Everyone's inbox, whatever their role. */
export const inboxRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/inbox',
  component: lazyRouteComponent(() => import('./inbox.page'), 'InboxPage'),
});

export const inboxRoutes = [inboxRoute];
