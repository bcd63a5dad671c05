import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext } from '@tanstack/react-router';
import type { Session } from '../auth/session';
import type { Me } from './me';
import { ErrorNotice } from './error-notice';
import { NotFound } from './not-found';
import { Shell } from './shell';

/** What every route can read from its context: the signed-in person and the session. */
export interface RouterContext {
  queryClient: QueryClient;
  session: Session;
  me: Me;
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Shell,
  errorComponent: ErrorNotice,
  notFoundComponent: NotFound,
});
