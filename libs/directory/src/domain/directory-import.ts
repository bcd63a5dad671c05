/** A person as a row of the CSV import names them. */
export interface ImportedPerson {
  line: number;
  userName: string;
  externalId?: string;
  displayName: string;
  team: string;
  roles: string[];
  timezone: string;
}

/** A team the import names, by name, with the name of its parent. */
export interface ImportedTeam {
  name: string;
  parentTeam?: string;
}

export interface ImportProblem {
  field: string;
  messages: string[];
}

export const IMPORT_COLUMNS = [
  'userName',
  'displayName',
  'team',
  'parentTeam',
  'roles',
  'timezone',
  'externalId',
] as const;
export const IMPORT_MAX_ROWS = 5_000;
const REQUIRED = ['userName', 'displayName', 'team', 'roles', 'timezone'] as const;
const ROLES = ['agent', 'team_lead', 'wellbeing_officer', 'hr', 'admin'];
const LIMITS: Record<string, number> = { userName: 256, externalId: 256, displayName: 100, team: 100, parentTeam: 100 };

const isTimeZone = (zone: string) => {
  try {
    return Boolean(new Intl.DateTimeFormat('en', { timeZone: zone }));
  } catch {
    return false;
  }
};

/**
 * Checks every row of an import and says what is wrong with each bad one (`rows[<line>].<column>`),
 * so a dry run reports them all at once. The teams are those the rows name, parents first; a team
 * named with two different parents is a problem of the row that says the second.
 */
export function checkImport(rows: readonly Record<string, string>[], firstLine = 2) {
  const problems: ImportProblem[] = [];
  const people: ImportedPerson[] = [];
  const parents = new Map<string, string | undefined>();
  const userNames = new Set<string>();
  if (rows.length > IMPORT_MAX_ROWS) problems.push({ field: 'rows', messages: [`at most ${IMPORT_MAX_ROWS} rows`] });
  rows.slice(0, IMPORT_MAX_ROWS).forEach((row, i) => {
    const line = firstLine + i;
    const bad = (column: string, message: string) =>
      problems.push({ field: `rows[${line}].${column}`, messages: [message] });
    for (const column of REQUIRED) if (!row[column]) bad(column, `${column} is required`);
    for (const [column, limit] of Object.entries(LIMITS))
      if ((row[column] ?? '').length > limit) bad(column, `${column} takes ${limit} characters at most`);
    const roles = (row.roles ?? '')
      .split(/[;|]/)
      .map((role) => role.trim())
      .filter(Boolean);
    const unknown = roles.filter((role) => !ROLES.includes(role));
    if (unknown.length > 0) bad('roles', `${unknown.join(', ')}: roles are ${ROLES.join(', ')}, separated by ";"`);
    if (row.timezone && !isTimeZone(row.timezone))
      bad('timezone', 'timezone is an IANA time zone, such as Europe/London');
    const userName = (row.userName ?? '').trim().toLowerCase();
    if (userName && userNames.has(userName)) bad('userName', 'another row has this userName');
    userNames.add(userName);
    const parentTeam = row.parentTeam || undefined;
    if (row.team && parents.has(row.team) && parents.get(row.team) !== parentTeam)
      bad('parentTeam', `another row puts ${row.team} under another parent`);
    if (row.team && parentTeam === row.team) bad('parentTeam', 'a team is not its own parent');
    if (row.team && !parents.has(row.team)) parents.set(row.team, parentTeam);
    people.push({
      line,
      userName: row.userName,
      ...(row.externalId ? { externalId: row.externalId } : {}),
      displayName: row.displayName,
      team: row.team,
      roles,
      timezone: row.timezone,
    });
  });
  for (const parent of [...parents.values()]) if (parent && !parents.has(parent)) parents.set(parent, undefined);
  const teams = [...parents].map(([name, parentTeam]) => ({ name, ...(parentTeam ? { parentTeam } : {}) }));
  // Parents first: a team is created after the team it belongs to.
  teams.sort((a, b) => Number(a.parentTeam !== undefined) - Number(b.parentTeam !== undefined));
  return { problems, people, teams };
}
