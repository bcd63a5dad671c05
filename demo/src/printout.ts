import { dashboardPath } from './checks';
import type { DemoRun, Featured } from './demo';
import { leadOf, membersOf } from './organisation';

const TOKEN_NAMES: Record<Featured, string> = {
  agent: 'AGENT_TOKEN',
  lead: 'LEAD_TOKEN',
  officer: 'OFFICER_TOKEN',
  hr: 'HR_TOKEN',
  admin: 'ADMIN_TOKEN',
};

/** What to look at, as whom, and the tokens to do it with: the one place the demo prints tokens, on purpose. */
export function printout({ organisation: org, period, campaignId, tokens }: DemoRun, url: string): string {
  const team = org.teams[0];
  const abuseByTeam = `${dashboardPath('abuse', period, 'month')}&groupBy=team`;
  const as = (...who: Featured[]) => who.map((role) => `$${TOKEN_NAMES[role]}`).join(', ');
  const links: [what: string, who: string, path: string][] = [
    ['API docs', '', '/docs'],
    ['Abuse per 1,000 contacts', as('hr'), abuseByTeam],
    ['Wellbeing and pulse', as('hr'), dashboardPath('wellbeing', period)],
    ['Recognition coverage', as('hr'), dashboardPath('recognition', period)],
    ['Org feed', 'any', '/v1/feeds/org'],
    [`${team.name} feed`, as('lead', 'agent'), `/v1/feeds/teams/${team.teamId}`],
    [`${team.name} recognition gaps`, as('lead'), `/v1/teams/${team.teamId}/recognition-gaps`],
    ['Incident queue', as('officer', 'lead'), '/v1/incidents'],
    ['Repeat abusers', as('officer'), '/v1/repeat-abusers'],
    ['Own incidents', as('agent'), '/v1/me/incidents'],
    ['Own wellbeing and pulse', as('agent'), '/v1/me/wellbeing'],
    ['Own recognition', as('agent'), '/v1/me/recognition'],
    ['Customer Service Week', as('hr'), `/v1/campaigns/${campaignId}`],
    ['Projections and their lag', as('admin'), '/v1/projections'],
    ['Queue board', as('admin'), '/queues'],
  ];
  const who: Record<Featured, string> = {
    agent: `${org.agent.displayName}, agent in ${team.name}`,
    lead: `${org.lead.displayName}, team lead of ${team.name}`,
    officer: `${org.officer.displayName}, wellbeing officer`,
    hr: `${org.hr.displayName}, HR`,
    admin: `${org.admin.displayName}, admin`,
  };
  const sites = org.sites.map((site) => {
    const teams = org.teams.filter(({ parentTeamId }) => parentTeamId === site.teamId).map(({ name }) => name);
    return `${site.name} (${teams.join(', ')})`;
  });
  const column = (index: 0 | 1) => Math.max(...links.map((link) => link[index].length));
  return [
    '',
    `Demo organisation: ${sites.join(' and ')}; ${org.people.length + 1} people, ` +
      `${membersOf(org.people, team).length} in ${team.name}, led by ${leadOf(org.people, team).displayName}.`,
    '',
    'Where to look, with whose bearer token:',
    ...links.map(([what, token, path]) => `  ${what.padEnd(column(0))}  ${token.padEnd(column(1))}  ${url}${path}`),
    '',
    'Bearer tokens: dev tokens, valid for 12 hours and only while this api runs (it signs them with a key',
    'made at start; `npm run demo` prints fresh ones). Paste these lines into a shell:',
    ...(Object.keys(TOKEN_NAMES) as Featured[]).map(
      (role) => `  export ${TOKEN_NAMES[role]}=${tokens[role]}  # ${who[role]}`,
    ),
    'then, for example:',
    `  curl -s -H "authorization: Bearer $HR_TOKEN" '${url}${abuseByTeam}'`,
    '',
    ...signIn(org, process.env.OIDC_ISSUER),
  ].join('\n');
}

/** How a browser signs in: through the development OpenID Provider, as any of the provisioned people. */
function signIn(org: DemoRun['organisation'], issuer: string | undefined): string[] {
  if (!issuer) return [];
  return [
    `Sign in as anyone of them through the development OpenID Provider (${issuer}): client frontline-web,`,
    'Authorization Code with PKCE; its page lets you choose who you are, no password. For example:',
    ...(['agent', 'lead', 'officer', 'hr', 'admin'] as Featured[]).map((role) => `  ${org[role].userName}`),
    `Discovery: ${issuer}/.well-known/openid-configuration`,
    '',
  ];
}
