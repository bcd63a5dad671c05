import type { RecordedEvent } from '@frontline/event-store';
import { type Keyspace, type Projection, type RedisOp, remember } from '@frontline/read-models';
import type { IncidentEvent } from '../domain/incident.events';

/** Where an open incident stands in the queue; the last transition wins. */
export const QUEUE_STATUSES = ['open', 'acknowledged', 'escalated'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/**
 * Incidents to act on, and each agent's own: `incident:<id>` {teamId, channel, kinds, severity,
 * occurredAt, reportedAt, status, acknowledgedAt, supportRequested} — never the narrative or the
 * customer; `queue` and `queue:team:<teamId>` (open incidents, scored by report time, so the
 * oldest due comes first), the same per status (`…:status:<status>`), and
 * `agent:<agentId>:incidents` (any status, by report time). Closing or withdrawing runs the
 * removals remembered under `undo:queue:<id>`; each status change those under `undo:status:<id>`.
 */
export const incidentQueueProjection: Projection = {
  name: 'incidentQueue',
  eventTypes: [
    'AbuseIncidentReported',
    'IncidentAcknowledged',
    'IncidentEscalated',
    'IncidentClosed',
    'IncidentWithdrawn',
  ],

  project(recorded: RecordedEvent, keys: Keyspace): RedisOp[] {
    const event = recorded as unknown as IncidentEvent;
    switch (event.type) {
      case 'AbuseIncidentReported': {
        const { incidentId, agentId, teamId, channel, kinds, severity, occurredAt, reportedAt } = event.data;
        const score = Date.parse(reportedAt);
        const queues = [keys.key('queue'), keys.key('queue', 'team', teamId)];
        return [
          [
            'HSET',
            keys.key('incident', incidentId),
            'incidentId',
            incidentId,
            'teamId',
            teamId,
            'channel',
            channel,
            'kinds',
            kinds.join(','),
            'severity',
            severity,
            'occurredAt',
            occurredAt,
            'reportedAt',
            reportedAt,
            'status',
            'open',
            'supportRequested',
            event.data.supportRequested ? '1' : '0',
          ],
          ['ZADD', keys.key('agent', agentId, 'incidents'), score, incidentId],
          ...queues.map((queue): RedisOp => ['ZADD', queue, score, incidentId]),
          ...queues.map((queue) => remember(keys.key('undo', 'queue', incidentId), ['ZREM', queue, incidentId])),
          ...enterStatus(keys, 'open', incidentId, teamId, score),
        ];
      }
      case 'IncidentAcknowledged': {
        const { incidentId, teamId, reportedAt, at } = event.data;
        return [
          ['HSET', keys.key('incident', incidentId), 'status', 'acknowledged', 'acknowledgedAt', at],
          ...enterStatus(keys, 'acknowledged', incidentId, teamId, Date.parse(reportedAt)),
        ];
      }
      case 'IncidentEscalated': {
        const { incidentId, teamId, reportedAt } = event.data;
        return [
          ['HSET', keys.key('incident', incidentId), 'status', 'escalated'],
          ...enterStatus(keys, 'escalated', incidentId, teamId, Date.parse(reportedAt)),
        ];
      }
      case 'IncidentClosed':
      case 'IncidentWithdrawn': {
        const { incidentId } = event.data;
        const status = event.type === 'IncidentClosed' ? 'closed' : 'withdrawn';
        return [
          ['HSET', keys.key('incident', incidentId), 'status', status],
          ['UNDO_RUN', keys.key('undo', 'status', incidentId)],
          ['UNDO_RUN', keys.key('undo', 'queue', incidentId)],
        ];
      }
      default:
        return [];
    }
  },
};

/** Takes the incident out of the queues of its previous status and into those of this one. */
function enterStatus(keys: Keyspace, status: QueueStatus, incidentId: string, teamId: string, score: number) {
  const undo = keys.key('undo', 'status', incidentId);
  const queues = [keys.key('queue', 'status', status), keys.key('queue', 'team', teamId, 'status', status)];
  return [
    ['UNDO_RUN', undo] as RedisOp,
    ...queues.map((queue): RedisOp => ['ZADD', queue, score, incidentId]),
    ...queues.map((queue) => remember(undo, ['ZREM', queue, incidentId])),
  ];
}
