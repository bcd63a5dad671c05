import type { Keyspace } from '@frontline/read-models';

/** Where an open incident stands in the queue; the last transition wins. */
export const QUEUE_STATUSES = ['open', 'acknowledged', 'escalated'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/**
 * The incident queue's keys, for its projection and its queries: `incident:<id>` {incidentId,
 * teamId, channel, kinds, severity, occurredAt, reportedAt, status, acknowledgedAt,
 * supportRequested}; `queue`, `queue:team:<teamId>`, each also per status (`…:status:<status>`),
 * of open incidents scored by report time; `agent:<agentId>:incidents` (any status, by report
 * time); and the undo lists `undo:queue:<id>` and `undo:status:<id>`.
 */
export const incidentQueueKeys = (keys: Keyspace) => ({
  incident: (incidentId: string) => keys.key('incident', incidentId),
  /** Open incidents, of one team or all, in one status or any. */
  queue: ({ teamId, status }: { teamId?: string; status?: QueueStatus } = {}) =>
    keys.key(
      'queue',
      ...(teamId === undefined ? [] : ['team', teamId]),
      ...(status === undefined ? [] : ['status', status]),
    ),
  agentIncidents: (agentId: string) => keys.key('agent', agentId, 'incidents'),
  /** What takes the incident out of every queue when it is closed or withdrawn. */
  undoQueue: (incidentId: string) => keys.key('undo', 'queue', incidentId),
  /** What takes the incident out of the queues of its current status. */
  undoStatus: (incidentId: string) => keys.key('undo', 'status', incidentId),
});

export type IncidentQueueKeys = ReturnType<typeof incidentQueueKeys>;
