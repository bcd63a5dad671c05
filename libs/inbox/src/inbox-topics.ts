import type { RecordedEvent } from '@frontline/event-store';
import type { RedisOp } from '@frontline/read-models';
import { Keyspace } from '@frontline/read-models';
import type { InboxAudience } from './projections/inbox.keys';
import { inboxProjection } from './projections/inbox.projection';

/** Who reads which inbox sets: the person, with their roles and team as the directory has them now. */
export interface InboxViewer {
  personId: string;
  roles: readonly string[];
  teamId?: string;
}

/** The live-update topic of an audience's items. */
export const inboxTopic = (audience: InboxAudience | 'campaigns') => `inbox:${audience}`;

/** Every campaign's announcements wake one topic; which campaigns a viewer is in is the query's to say. */
const CAMPAIGNS_TOPIC = inboxTopic('campaigns');

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

const probe = new Keyspace('inbox', 0);
const audienceOfKey = (key: string) => key.slice(probe.key('audience').length + 1) as InboxAudience;

/** The inbox topics an event's items went to (none when it made no item): what to wake after the projection applied it. */
export function inboxTopicsOfEvent(event: RecordedEvent): string[] {
  const ops: RedisOp[] = inboxProjection.project(event, probe);
  const audiences = ops
    .filter(([command, key]) => command === 'ZADD' && key.startsWith(probe.key('audience', '')))
    .map(([, key]) => audienceOfKey(key));
  const topics = audiences.map((audience) =>
    audience.startsWith('campaign:') ? CAMPAIGNS_TOPIC : inboxTopic(audience),
  );
  return [...new Set(topics)];
}
