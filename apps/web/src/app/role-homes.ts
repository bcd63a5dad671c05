import type { Me, Role } from './me';

/**
 * Each role's home page, in the order a person with several roles sees them in the navigation. A
 * new role's pages add their home here.
 */
export const ROLE_HOMES: readonly { role: Role; path: string; label: string }[] = [
  { role: 'agent', path: '/agent', label: 'nav.agent' },
  { role: 'team_lead', path: '/lead', label: 'nav.lead' },
  { role: 'wellbeing_officer', path: '/officer', label: 'nav.officer' },
  { role: 'hr', path: '/hr', label: 'nav.hr' },
  { role: 'admin', path: '/admin', label: 'nav.admin' },
];

export const homesOf = (me: Me) => ROLE_HOMES.filter((home) => me.roles.includes(home.role));

/** Where `/` takes someone: their first home beyond the agent's, since leads, officers and HR report as agents too. */
export const homeOf = (me: Me) => {
  const homes = homesOf(me);
  return homes.find((home) => home.role !== 'agent') ?? homes[0];
};
