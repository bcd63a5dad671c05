import type { InboxAudience } from './projections/inbox.keys';

/** Who reads which inbox sets: the person, with their roles and team as the directory has them now. */
export interface InboxViewer {
  personId: string;
  roles: readonly string[];
  teamId?: string;
}

/** The audiences a viewer reads, but campaigns (which need the read model): their own, their team's leads', officers'. */
export function inboxAudiencesOf({ personId, roles, teamId }: InboxViewer): InboxAudience[] {
  return [
    `person:${personId}`,
    ...(roles.includes('team_lead') && teamId !== undefined ? [`teamLeads:${teamId}` as const] : []),
    ...(roles.includes('wellbeing_officer') ? ['officers' as const] : []),
  ];
}

const PREFIX = 'inbox:';

/** The live-update topic of an audience's items: `inbox:person:<id>`, `inbox:teamLeads:<teamId>`, `inbox:officers`, `inbox:campaign:<id>`. */
export const inboxTopic = (audience: InboxAudience) => `${PREFIX}${audience}`;

export const audienceOfTopic = (topic: string) => topic.slice(PREFIX.length) as InboxAudience;
