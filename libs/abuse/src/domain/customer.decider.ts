import type { Decider } from '@frontline/decider';
import type { CustomerEvent } from './customer.events';

/** Incidents further back than this (by when they happened) no longer count towards a match. */
export const MATCH_WINDOW_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface LinkedIncident {
  incidentId: string;
  agentId: string;
  occurredAt: string;
}

export interface CustomerState {
  incidents: LinkedIncident[];
  matches: { incidentIds: string[]; matchedAt: string }[];
}

/** An incident reported about this customer, linked by the matching job. */
export type LinkCustomerIncident = {
  type: 'LinkCustomerIncident';
  customerPseudonym: string;
  incident: LinkedIncident;
  /** MATCH_MIN_AGENTS: how many distinct agents make a repeat abuser. */
  minAgents: number;
  now: Date;
};

export type CustomerCommand = LinkCustomerIncident;

/** The incidents within the window ending at `now`. */
export function incidentsInWindow(incidents: readonly LinkedIncident[], now: Date): LinkedIncident[] {
  const since = now.getTime() - MATCH_WINDOW_DAYS * DAY_MS;
  return incidents.filter((incident) => Date.parse(incident.occurredAt) >= since);
}

const distinctAgents = (incidents: readonly LinkedIncident[]) => new Set(incidents.map((i) => i.agentId)).size;

/**
 * A match is recorded when the customer's incidents within the window come to span at least
 * `minAgents` distinct agents: once per qualifying set, so further reports while the window
 * still qualifies add to the record (linked) but raise no new match.
 */
export const customerDecider: Decider<CustomerCommand, CustomerEvent, CustomerState> = {
  initialState: () => ({ incidents: [], matches: [] }),

  decide(command, state) {
    const { customerPseudonym, incident, minAgents, now } = command;
    if (state.incidents.some((linked) => linked.incidentId === incident.incidentId)) return [];
    const linked: CustomerEvent = { type: 'CustomerIncidentLinked', data: { customerPseudonym, ...incident } };
    const before = incidentsInWindow(state.incidents, now);
    const after = incidentsInWindow([...state.incidents, incident], now);
    if (distinctAgents(after) < minAgents || distinctAgents(before) >= minAgents) return [linked];
    return [
      linked,
      {
        type: 'RepeatAbuserMatched',
        data: {
          customerPseudonym,
          incidentIds: after.map((i) => i.incidentId),
          distinctAgents: distinctAgents(after),
          matchedAt: now.toISOString(),
        },
      },
    ];
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CustomerIncidentLinked': {
        const { incidentId, agentId, occurredAt } = event.data;
        return { ...state, incidents: [...state.incidents, { incidentId, agentId, occurredAt }] };
      }
      case 'RepeatAbuserMatched':
        return {
          ...state,
          matches: [...state.matches, { incidentIds: event.data.incidentIds, matchedAt: event.data.matchedAt }],
        };
      default:
        return state;
    }
  },
};
