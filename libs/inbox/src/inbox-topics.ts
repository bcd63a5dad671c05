import { CAMPAIGNS_TOPIC, type InboxAudience, inboxTopic } from './projections/inbox.keys';

export { CAMPAIGNS_TOPIC, inboxTopic } from './projections/inbox.keys';
export { inboxTopicsOfEvent } from './projections/inbox.projection';

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

/** The inbox topics a viewer listens to: `inbox:person:<id>`, `inbox:teamLeads:<teamId>` (their team's lead), `inbox:officers`, `inbox:campaigns`. */
export const inboxTopicsOf = (viewer: InboxViewer): string[] => [
  ...inboxAudiencesOf(viewer).map(inboxTopic),
  CAMPAIGNS_TOPIC,
];
