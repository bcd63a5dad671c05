import { type CustomerEvent, type IncidentEvent, type IncidentFacts, needsCare } from '@frontline/abuse';
import { type CampaignEvent, campaignOfStream } from '@frontline/campaigns';
import { type Recorded, type RedisOp, defineProjection, remember } from '@frontline/read-models';
import type { KudosEvent } from '@frontline/recognition';
import type { InboxEvent } from '../domain/inbox.events';
import {
  type InboxAudience,
  type InboxItemBody,
  type InboxKeys,
  OFFICERS_AUDIENCE,
  campaignAudience,
  inboxItemId,
  inboxKeys,
  personAudience,
  teamLeadsAudience,
} from './inbox.keys';

type InboxSourceEvent = IncidentEvent | CustomerEvent | KudosEvent | CampaignEvent | InboxEvent;
type Position = Pick<Recorded<InboxSourceEvent>, 'position' | 'recordedAt'>;

/** The writes of one item: its body, and its id in its audience's set. */
function item(keys: InboxKeys, audience: InboxAudience, id: string, body: InboxItemBody): RedisOp[] {
  return [
    ['HSET', keys.item(id), 'body', JSON.stringify(body)],
    ['ZADD', keys.audience(audience), 0, id],
  ];
}

/** What takes an item out again (a retracted kudos, a reactions item that moved up). */
function unmade(keys: InboxKeys, audience: InboxAudience, id: string): RedisOp[] {
  return [
    ['ZREM', keys.audience(audience), id],
    ['DEL', keys.item(id)],
  ];
}

/** An item for the reporter of an incident; events recorded before they named their reporter make none. */
function forReporter(
  keys: InboxKeys,
  event: Position & { data: { agentId?: string; incidentId: string } },
  kind: string,
  fields: Record<string, unknown> = {},
): RedisOp[] {
  const { agentId, incidentId } = event.data;
  if (agentId === undefined) return [];
  const at = event.recordedAt.toISOString();
  return item(keys, personAudience(agentId), inboxItemId(event.position, 0), { kind, at, incidentId, ...fields });
}

/** What a lead or an officer learns of an incident in an item: no reporter, narrative, customer or channel. */
const incidentAlert = ({ teamId, severity }: IncidentFacts) => ({ teamId, severity });

/**
 * The inbox (see `inboxKeys`): for a reporter, their incident's progress and the care check-in; for
 * a recipient, kudos received, reactions to them (one item per kudos, moved up by each new reaction)
 * and badges; for the leads of a team, incidents that need care and acknowledgements falling due;
 * for wellbeing officers, escalations and repeat-abuser matches; for a campaign's audience, its
 * announcements. Items hold ids, never names, so an erased person reads as erased; written the same
 * whenever an event is applied again.
 */
export const inboxProjection = defineProjection<InboxSourceEvent, InboxKeys>({
  name: 'inbox',
  layout: inboxKeys,
  on: {
    AbuseIncidentReported: ({ position, recordedAt, data }, keys) =>
      needsCare(data)
        ? item(keys, teamLeadsAudience(data.teamId), inboxItemId(position, 0), {
            kind: 'incident_needs_care',
            at: recordedAt.toISOString(),
            incidentId: data.incidentId,
            ...incidentAlert(data),
            supportRequested: data.supportRequested,
          })
        : [],
    IncidentAcknowledged: (event, keys) =>
      forReporter(keys, event, 'incident_acknowledged', { by: event.data.by, acknowledgedAt: event.data.at }),
    SupportOffered: (event, keys) =>
      forReporter(keys, event, 'support_offered', { supportKind: event.data.kind, by: event.data.by }),
    IncidentEscalated: (event, keys) => [
      ...forReporter(keys, event, 'incident_escalated'),
      ...item(keys, OFFICERS_AUDIENCE, inboxItemId(event.position, 1), {
        kind: 'incident_escalated',
        at: event.recordedAt.toISOString(),
        incidentId: event.data.incidentId,
        ...incidentAlert(event.data),
        reason: event.data.reason,
      }),
    ],
    IncidentAcknowledgementDue: ({ position, recordedAt, data }, keys) =>
      item(keys, teamLeadsAudience(data.teamId), inboxItemId(position, 0), {
        kind: 'acknowledgement_due',
        at: recordedAt.toISOString(),
        incidentId: data.incidentId,
        ...incidentAlert(data),
        dueAt: data.dueAt,
      }),
    CustomerActionRecorded: (event, keys) =>
      forReporter(keys, event, 'customer_action_recorded', { action: event.data.action }),
    IncidentClosed: (event, keys) => forReporter(keys, event, 'incident_closed', { outcome: event.data.outcome }),
    AgentCheckInSent: (event, keys) => forReporter(keys, event, 'care_check_in'),
    RepeatAbuserMatched: ({ position, recordedAt, data }, keys) =>
      item(keys, OFFICERS_AUDIENCE, inboxItemId(position, 0), {
        kind: 'repeat_abuser_matched',
        at: recordedAt.toISOString(),
        customerPseudonym: data.customerPseudonym,
        incidentIds: data.incidentIds,
        distinctAgents: data.distinctAgents,
      }),
    KudosSent: ({ position, recordedAt, data }, keys) =>
      data.toIds.flatMap((toId, i) => {
        const id = inboxItemId(position, i);
        const { kudosId, fromId, values, message, visibility } = data;
        const body = {
          kind: 'kudos_received',
          at: recordedAt.toISOString(),
          kudosId,
          fromId,
          values,
          message,
          visibility,
        };
        const undo = unmade(keys, personAudience(toId), id).map((op) => remember(keys.undoKudos(kudosId), op));
        return [...item(keys, personAudience(toId), id, body), ...undo];
      }),
    KudosReactionAdded: ({ position, recordedAt, data }, keys) => [
      ['HINCRBY', keys.reactions(data.kudosId), data.emoji, 1],
      ...(data.toIds ?? []).flatMap((toId, i): RedisOp[] => {
        // A recipient's own reaction is no news to them.
        if (toId === data.personId) return [];
        const id = inboxItemId(position, i);
        const audience = personAudience(toId);
        const undo = unmade(keys, audience, id);
        const body = { kind: 'kudos_reactions', at: recordedAt.toISOString(), kudosId: data.kudosId };
        return [
          ['UNDO_RUN', keys.undoReactions(data.kudosId, toId)],
          ...item(keys, audience, id, body),
          ...undo.map((op) => remember(keys.undoReactions(data.kudosId, toId), op)),
          ...undo.map((op) => remember(keys.undoKudos(data.kudosId), op)),
        ];
      }),
    ],
    KudosReactionRemoved: ({ data }, keys) => [['HINCRBY', keys.reactions(data.kudosId), data.emoji, -1]],
    KudosRetracted: ({ data }, keys) => [['UNDO_RUN', keys.undoKudos(data.kudosId)]],
    KudosHidden: ({ data }, keys) => [['UNDO_RUN', keys.undoKudos(data.kudosId)]],
    BadgeAwarded: ({ position, recordedAt, streamName, data }, keys) =>
      data.personIds.flatMap((personId, i) =>
        item(keys, personAudience(personId), inboxItemId(position, i), {
          kind: 'badge_awarded',
          at: recordedAt.toISOString(),
          campaignId: campaignOfStream(streamName),
          badge: data.badge,
        }),
      ),
    CampaignPlanned: ({ data: { campaignId, audience } }, keys) =>
      audience.teamIds.length === 0
        ? [['SADD', keys.campaigns(), campaignId]]
        : audience.teamIds.map((teamId): RedisOp => ['SADD', keys.campaigns(teamId), campaignId]),
    AnnouncementPublished: ({ position, recordedAt, streamName, data }, keys) =>
      item(keys, campaignAudience(campaignOfStream(streamName)), inboxItemId(position, 0), {
        kind: 'campaign_announcement',
        at: recordedAt.toISOString(),
        campaignId: campaignOfStream(streamName),
        day: data.day,
        text: data.text,
      }),
    InboxReadUpTo: ({ data }, keys) => [['HSET', keys.read(), data.personId, data.upTo]],
  },
});
