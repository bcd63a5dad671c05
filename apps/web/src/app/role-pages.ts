import { redirect } from '@tanstack/react-router';
import { loadRoleStrings } from '../i18n/i18n';
import { type Role, hasRole } from './me';
import type { RouterContext } from './root-route';

/**
 * A role's routes' `beforeLoad`: someone without the role goes to their own home (the api would
 * refuse them anyway); anyone else gets the role's strings (`src/<folder>/i18n/`) before the page.
 */
export const rolePages =
  (folder: string, ...roles: Role[]) =>
  async ({ context }: { context: RouterContext }) => {
    if (!hasRole(context.me, ...roles)) throw redirect({ to: '/' });
    await loadRoleStrings(folder);
  };
