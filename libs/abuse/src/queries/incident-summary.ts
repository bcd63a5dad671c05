import type { ReadModels } from '@frontline/read-models';
import type { IncidentQueueKeys } from '../projections/incident-queue.keys';

/** An incident as a list shows it: what happened and where it stands, never the narrative or the customer. */
export interface IncidentSummary {
  incidentId: string;
  teamId: string;
  channel: string;
  kinds: string[];
  severity: string;
  occurredAt: string;
  reportedAt: string;
  status: string;
  acknowledgedAt: string | null;
  supportRequested: boolean;
}

export async function incidentSummaries(
  readModels: ReadModels,
  keys: IncidentQueueKeys,
  ids: string[],
): Promise<IncidentSummary[]> {
  const hashes = await Promise.all(ids.map((id) => readModels.redis.hgetall(keys.incident(id))));
  return hashes.map((hash) => ({
    incidentId: hash.incidentId,
    teamId: hash.teamId,
    channel: hash.channel,
    kinds: hash.kinds.split(','),
    severity: hash.severity,
    occurredAt: hash.occurredAt,
    reportedAt: hash.reportedAt,
    status: hash.status,
    acknowledgedAt: hash.acknowledgedAt ?? null,
    supportRequested: hash.supportRequested === '1',
  }));
}
