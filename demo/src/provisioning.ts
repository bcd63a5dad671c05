import type { Role } from '@frontline/platform';
import type { DemoOrganisation, Person, Team } from './organisation';
import type { ScimClient } from './scim-client';

const TEAM_EXTENSION = 'urn:frontline:params:scim:schemas:extension:team:2.0:Group';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

/** The role groups of the default SCIM_ROLE_GROUPS. */
const ROLE_GROUPS: Record<Role, string> = {
  agent: 'Frontline agents',
  team_lead: 'Frontline team leads',
  wellbeing_officer: 'Frontline wellbeing officers',
  hr: 'Frontline HR',
  admin: 'Frontline admins',
};

/**
 * Provisions the organisation through SCIM, as its identity provider would: each group and user is
 * looked up first and made only if missing, then members are added in batches. Frontline chooses
 * the ids, so the organisation's teams and people take them from here on. The admin joins their
 * site's team last (`completeProvisioning`), which tells a later run that this one finished.
 */
export async function provisionOrganisation(scim: ScimClient, org: DemoOrganisation): Promise<void> {
  const teams = [...org.sites, ...org.teams];
  // Made-up ids until now: each becomes the one Frontline gave the group, sites first.
  const ids = new Map<string, string>();
  for (const team of teams) {
    const parentTeamId = team.parentTeamId && ids.get(team.parentTeamId);
    const extension = parentTeamId ? { [TEAM_EXTENSION]: { parentTeamId } } : {};
    const existing = await scim.find('Groups', 'displayName', team.name);
    ids.set(
      team.teamId,
      (existing ?? (await scim.create('Groups', { schemas: [GROUP], displayName: team.name, ...extension }))).id,
    );
  }
  for (const team of teams) Object.assign(team, renamed(team, ids));
  for (const person of everyone(org)) {
    person.teamId = ids.get(person.teamId)!;
    const existing = await scim.find('Users', 'userName', person.userName);
    const { userName, displayName, timezone } = person;
    person.personId = (
      existing ?? (await scim.create('Users', { schemas: [USER], userName, displayName, timezone }))
    ).id;
  }
  for (const team of teams) {
    const members = everyone(org).filter((person) => person.teamId === team.teamId && person !== org.admin);
    await scim.addMembers(
      team.teamId,
      members.map(({ personId }) => personId),
    );
  }
  for (const [role, name] of Object.entries(ROLE_GROUPS) as [Role, string][]) {
    const group = (await scim.find('Groups', 'displayName', name))!;
    const members = everyone(org).filter((person) => person.roles.includes(role));
    await scim.addMembers(
      group.id,
      members.map(({ personId }) => personId),
    );
  }
}

/** The admin into their site's team: the last write of a run. */
export async function completeProvisioning(scim: ScimClient, org: DemoOrganisation): Promise<void> {
  await scim.addMembers(org.admin.teamId, [org.admin.personId]);
}

export async function isProvisioned(scim: ScimClient, org: DemoOrganisation): Promise<boolean> {
  const admin = await scim.get(`/Users/${org.admin.personId}`);
  return (admin.groups ?? []).some(({ value }) => value === org.admin.teamId);
}

const everyone = (org: DemoOrganisation): Person[] => [...org.people, org.admin];
const renamed = (team: Team, ids: Map<string, string>): Team => ({
  ...team,
  teamId: ids.get(team.teamId)!,
  ...(team.parentTeamId ? { parentTeamId: ids.get(team.parentTeamId)! } : {}),
});
