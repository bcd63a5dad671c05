import { v5 as uuidV5 } from 'uuid';
import type { Role } from '@frontline/platform';
import type { Actor } from './frontline-client';

/** Ids are derived from names under this namespace, so every run names the same teams, people and incidents. */
const DEMO_NAMESPACE = '6f1c2d9e-8a47-4b3f-9c15-2e7d0a4b8c61';
export const demoId = (name: string): string => uuidV5(name, DEMO_NAMESPACE);

export const TIMEZONE = 'Europe/London';

/** What sets a team's history apart: how busy it is, how much abuse it takes, how its people feel. */
export interface TeamProfile {
  /** Contacts per weekday, as a share of an average team's. */
  load: number;
  /** Incidents each agent reports over the eight weeks, at least and at most. */
  incidentsPerAgent: [number, number];
  /** Mean pulse answers, 1 to 5. */
  mood: number;
  workload: number;
}

export interface Team {
  teamId: string;
  name: string;
  /** The site a contact team belongs to; sites have none. */
  parentTeamId?: string;
}

export interface ContactTeam extends Team {
  profile: TeamProfile;
}

export interface Person extends Actor {
  displayName: string;
  timezone: string;
  /** Their sign-in name at the organisation's identity provider (SCIM userName). */
  userName: string;
}

export interface DemoOrganisation {
  sites: Team[];
  teams: ContactTeam[];
  /** Everyone but the admin, who only administers and is enrolled last: their entry marks the demo complete. */
  people: Person[];
  /** The people the printout gives tokens to and the checks read as. */
  agent: Person;
  lead: Person;
  officer: Person;
  hr: Person;
  admin: Person;
}

/** Two sites; each contact team's lead comes first, then its agents. Staff sit in their site's own team. */
const SITES = [
  {
    name: 'Leeds',
    staff: [
      { displayName: 'Ruth Adebayo', role: 'wellbeing_officer' },
      { displayName: 'Helen Marsh', role: 'hr' },
    ],
    teams: [
      {
        name: 'Complaints',
        profile: { load: 0.7, incidentsPerAgent: [1, 4], mood: 3.1, workload: 4.1 },
        members: [
          'Joanne Pickering',
          'Aisha Khan',
          'Tom Whitaker',
          'Callum Fraser',
          'Megan Hughes',
          'Oluwaseun Adeyemi',
          'Hannah Brooks',
          "Jamie O'Neill",
          'Sophie Turner',
          'Daniel Okafor',
          'Chloe Bennett',
          'Ravi Sharma',
          'Emma Lawson',
          'Liam McKenzie',
        ],
      },
      {
        name: 'Billing',
        profile: { load: 1.2, incidentsPerAgent: [1, 3], mood: 3.5, workload: 3.8 },
        members: [
          'Marcus Reid',
          'Zara Ahmed',
          'Ben Carter',
          'Niamh Doyle',
          'Ellie Robertson',
          'Kwame Mensah',
          'Lucy Chapman',
          'Connor Murray',
          'Fatima Hussain',
          'Ryan Gallagher',
          'Grace Morrison',
          'Adam Nowak',
          'Isla Campbell',
          'Joseph Ward',
        ],
      },
    ],
  },
  {
    name: 'Glasgow',
    staff: [
      { displayName: 'Amira Haddad', role: 'wellbeing_officer' },
      { displayName: 'Gareth Lloyd', role: 'admin' },
    ],
    teams: [
      {
        name: 'Tech Support',
        profile: { load: 1, incidentsPerAgent: [0, 3], mood: 3.8, workload: 3.4 },
        members: [
          'Katie Douglas',
          'Sam Fletcher',
          'Owen Price',
          'Leah Stewart',
          'Mohammed Rahman',
          'Jessica Hall',
          'Ewan Grant',
          'Charlotte Young',
          'Dylan Evans',
          'Ruby Sinclair',
          'Harvey Cole',
          'Maya Kowalski',
          'Nathan Brown',
          'Freya Paterson',
        ],
      },
      {
        name: 'Sales & Retention',
        profile: { load: 0.9, incidentsPerAgent: [0, 2], mood: 3.9, workload: 3.2 },
        members: [
          'Scott Henderson',
          'Imogen Shaw',
          'Tariq Aziz',
          'Abigail Moore',
          'Lewis Black',
          'Holly Ferguson',
          'Kieran Walsh',
          'Olivia Griffiths',
          'Aaron Baxter',
          'Ananya Iyer',
          'Jack Thomson',
          'Rosie Kerr',
          'Ibrahim Malik',
          'Mei Chen',
        ],
      },
    ],
  },
] as const satisfies readonly {
  name: string;
  staff: readonly { displayName: string; role: Role }[];
  teams: readonly { name: string; profile: TeamProfile; members: readonly string[] }[];
}[];

/** The demo organisation: 2 sites, 4 contact teams of a lead and 13 agents, 2 wellbeing officers, HR and an admin. */
export function demoOrganisation(): DemoOrganisation {
  const sites: Team[] = [];
  const teams: ContactTeam[] = [];
  const staff: Person[] = [];
  const members: Person[] = [];
  for (const site of SITES) {
    const siteId = demoId(`team:${site.name}`);
    sites.push({ teamId: siteId, name: site.name });
    staff.push(...site.staff.map(({ displayName, role }) => demoPerson(displayName, siteId, role)));
    for (const { name, profile, members: names } of site.teams) {
      const team = { teamId: demoId(`team:${name}`), name, parentTeamId: siteId, profile };
      teams.push(team);
      members.push(
        ...names.map((displayName, i) => demoPerson(displayName, team.teamId, i === 0 ? 'team_lead' : 'agent')),
      );
    }
  }
  const withRole = (role: Role) => staff.find((person) => person.roles.includes(role))!;
  const admin = withRole('admin');
  return {
    sites,
    teams,
    people: [...members, ...staff.filter((person) => person !== admin)],
    agent: agentsOf(members, teams[0])[0],
    lead: leadOf(members, teams[0]),
    officer: withRole('wellbeing_officer'),
    hr: withRole('hr'),
    admin,
  };
}

function demoPerson(displayName: string, teamId: string, role: Role): Person {
  const userName = `${displayName
    .normalize('NFD')
    .replace(/[^A-Za-z ]/g, '')
    .trim()
    .toLowerCase()
    .replace(/ +/g, '.')}@demo.frontline.example`;
  return {
    personId: demoId(`person:${displayName}`),
    displayName,
    teamId,
    roles: [role],
    timezone: TIMEZONE,
    userName,
  };
}

export const membersOf = (people: readonly Person[], team: Team) => people.filter((p) => p.teamId === team.teamId);
export const leadOf = (people: readonly Person[], team: Team) =>
  membersOf(people, team).find((p) => p.roles.includes('team_lead'))!;
export const agentsOf = (people: readonly Person[], team: Team) =>
  membersOf(people, team).filter((p) => p.roles.includes('agent'));
