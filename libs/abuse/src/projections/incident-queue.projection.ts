import { type RedisOp, defineProjection, remember } from '@frontline/read-models';
import type { IncidentEvent } from '../domain/incident.events';
import { type IncidentQueueKeys, type QueueStatus, incidentQueueKeys } from './incident-queue.keys';

/**
 * Incidents to act on, and each agent's own (see `incidentQueueKeys`): never the narrative or the
 * customer. Closing or withdrawing runs the removals remembered under the incident's queue undo
 * list; each status change those under its status undo list.
 */
export const incidentQueueProjection = defineProjection<IncidentEvent, IncidentQueueKeys>({
  name: 'incidentQueue',
  layout: incidentQueueKeys,
  on: {
    AbuseIncidentReported: ({ data }, keys) => {
      const { incidentId, agentId, teamId, channel, kinds, severity, occurredAt, reportedAt } = data;
      const score = Date.parse(reportedAt);
      const queues = [keys.queue(), keys.queue({ teamId })];
      return [
        [
          'HSET',
          keys.incident(incidentId),
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
          data.supportRequested ? '1' : '0',
        ],
        ['ZADD', keys.agentIncidents(agentId), score, incidentId],
        ...queues.map((queue): RedisOp => ['ZADD', queue, score, incidentId]),
        ...queues.map((queue) => remember(keys.undoQueue(incidentId), ['ZREM', queue, incidentId])),
        ...enterStatus(keys, 'open', incidentId, teamId, score),
      ];
    },
    IncidentAcknowledged: ({ data: { incidentId, teamId, reportedAt, at } }, keys) => [
      ['HSET', keys.incident(incidentId), 'status', 'acknowledged', 'acknowledgedAt', at],
      ...enterStatus(keys, 'acknowledged', incidentId, teamId, Date.parse(reportedAt)),
    ],
    IncidentEscalated: ({ data: { incidentId, teamId, reportedAt } }, keys) => [
      ['HSET', keys.incident(incidentId), 'status', 'escalated'],
      ...enterStatus(keys, 'escalated', incidentId, teamId, Date.parse(reportedAt)),
    ],
    IncidentClosed: ({ data }, keys) => leaveQueues(keys, data.incidentId, 'closed'),
    IncidentWithdrawn: ({ data }, keys) => leaveQueues(keys, data.incidentId, 'withdrawn'),
  },
});

/** Takes the incident out of the queues of its previous status and into those of this one. */
function enterStatus(keys: IncidentQueueKeys, status: QueueStatus, incidentId: string, teamId: string, score: number) {
  const undo = keys.undoStatus(incidentId);
  const queues = [keys.queue({ status }), keys.queue({ teamId, status })];
  return [
    ['UNDO_RUN', undo] as RedisOp,
    ...queues.map((queue): RedisOp => ['ZADD', queue, score, incidentId]),
    ...queues.map((queue) => remember(undo, ['ZREM', queue, incidentId])),
  ];
}

function leaveQueues(keys: IncidentQueueKeys, incidentId: string, status: 'closed' | 'withdrawn'): RedisOp[] {
  return [
    ['HSET', keys.incident(incidentId), 'status', status],
    ['UNDO_RUN', keys.undoStatus(incidentId)],
    ['UNDO_RUN', keys.undoQueue(incidentId)],
  ];
}
