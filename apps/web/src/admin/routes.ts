import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rolePages } from '../app/role-pages';
import { rootRoute } from '../app/root-route';

/** The admin's pages, each its own chunk, loaded when it opens (budgets in .size-limit.json). */
const adminOnly = rolePages('admin', 'admin');
const getParentRoute = () => rootRoute;

export const adminRoutes = [
  createRoute({
    getParentRoute,
    path: '/admin',
    beforeLoad: adminOnly,
    component: lazyRouteComponent(() => import('./home/admin-home.page'), 'AdminHomePage'),
  }),
  createRoute({
    getParentRoute,
    path: '/admin/directory',
    beforeLoad: adminOnly,
    component: lazyRouteComponent(() => import('./directory/directory.page'), 'DirectoryPage'),
  }),
  createRoute({
    getParentRoute,
    path: '/admin/import',
    beforeLoad: adminOnly,
    component: lazyRouteComponent(() => import('./import-people/import-people.page'), 'ImportPeoplePage'),
  }),
  createRoute({
    getParentRoute,
    path: '/admin/webhooks',
    beforeLoad: adminOnly,
    component: lazyRouteComponent(() => import('./webhooks/webhooks.page'), 'WebhooksPage'),
  }),
  createRoute({
    getParentRoute,
    path: '/admin/projections',
    beforeLoad: adminOnly,
    component: lazyRouteComponent(() => import('./projections/projections.page'), 'ProjectionsPage'),
  }),
] as const;
