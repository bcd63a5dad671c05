import { redirect } from '@tanstack/react-router';
import { type Role, hasRole } from './me';
import type { RouterContext } from './root-route';

/** A route's `beforeLoad`: someone without the role goes to their own home (the api would refuse them anyway). */
export const requireRole =
  (...roles: Role[]) =>
  ({ context }: { context: RouterContext }) => {
    if (!hasRole(context.me, ...roles)) throw redirect({ to: '/' });
  };
