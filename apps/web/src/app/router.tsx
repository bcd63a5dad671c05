import { QueryClient } from '@tanstack/react-query';
import { createRoute, createRouter, redirect } from '@tanstack/react-router';
import { adminRoutes } from '../admin/routes';
import { agentRoutes } from '../agent/routes';
import { hrRoutes } from '../hr/routes';
import { inboxRoutes } from '../inbox/routes';
import { leadRoutes } from '../lead/routes';
import { officerRoutes } from '../officer/routes';
import type { Session } from '../auth/session';
import type { Me } from './me';
import { homeOf } from './role-homes';
import { rootRoute } from './root-route';
import { NoHome } from './no-home';

/** `/` opens the first home the person's roles give them. */
const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    const home = homeOf(context.me);
    if (home) throw redirect({ to: home.path });
  },
  component: NoHome,
});

/** Every role's routes; each role's pages are loaded only when one of them opens (see agent/routes.ts). */
const routeTree = rootRoute.addChildren([
  homeRoute,
  ...agentRoutes,
  ...leadRoutes,
  ...officerRoutes,
  ...inboxRoutes,
  ...hrRoutes,
  ...adminRoutes,
]);

export function createAppRouter(context: { queryClient: QueryClient; session: Session; me: Me }) {
  return createRouter({ routeTree, context, defaultPreload: 'intent', scrollRestoration: true });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
