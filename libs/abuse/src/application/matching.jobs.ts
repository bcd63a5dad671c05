import type { LinkedIncident } from '../domain/customer.decider';

export interface MatchingJobData extends LinkedIncident {
  customerPseudonym: string;
}

/**
 * Deterministic per incident. (BullMQ refuses custom ids with a single ':', so the id has three
 * parts: `matching:incident:<incidentId>`.)
 */
export const matchingJobId = (incidentId: string) => `matching:incident:${incidentId}`;
