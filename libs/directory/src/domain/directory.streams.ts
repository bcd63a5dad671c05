export const teamStream = (teamId: string) => `team-${teamId}`;
export const personStream = (personId: string) => `person-${personId}`;
