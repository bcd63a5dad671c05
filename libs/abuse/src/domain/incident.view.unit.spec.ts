import { fold } from '@frontline/decider';
import { incidentDecider } from './incident.decider';
import type { IncidentEvent } from './incident.events';
import { IncidentNotFoundError } from './incident.policy';
import { incidentViewFor } from './incident.view';

const reported = (shareNarrativeWithLead: boolean): IncidentEvent => ({
  type: 'AbuseIncidentReported',
  data: {
    incidentId: 'i1',
    agentId: 'a1',
    teamId: 't1',
    channel: 'chat',
    kinds: ['insult'],
    severity: 'moderate',
    occurredAt: '2025-10-06T09:00:00.000Z',
    contactRef: 'ticket-42',
    customerPseudonym: 'cust_abc',
    narrative: 'pd1.a1.cipher',
    supportRequested: false,
    shareNarrativeWithLead,
    reportedAt: '2025-10-06T09:05:00.000Z',
  },
});
const state = (share: boolean) => fold(incidentDecider, [reported(share)]);

describe('incident view', () => {
  it('shows the reporter and a wellbeing officer everything', () => {
    for (const actor of [
      { personId: 'a1', roles: ['agent'], teamId: 't1' },
      { personId: 'w1', roles: ['wellbeing_officer'] },
    ]) {
      expect(incidentViewFor(actor, state(false), 'i1')).toMatchObject({
        narrative: 'pd1.a1.cipher',
        customerPseudonym: 'cust_abc',
        contactRef: 'ticket-42',
      });
    }
  });

  it("shows the agent's own lead the narrative only when shared, and never the customer's pseudonym", () => {
    const lead = { personId: 'l1', roles: ['team_lead'], teamId: 't1' };
    const hidden = incidentViewFor(lead, state(false), 'i1');
    expect(hidden).not.toHaveProperty('narrative');
    expect(hidden).not.toHaveProperty('customerPseudonym');
    const shared = incidentViewFor(lead, state(true), 'i1');
    expect(shared).toMatchObject({ narrative: 'pd1.a1.cipher' });
    expect(shared).not.toHaveProperty('customerPseudonym');
  });

  it('shows nothing to anyone else, HR and admins included', () => {
    for (const actor of [
      { personId: 'l2', roles: ['team_lead'], teamId: 't2' },
      { personId: 'h1', roles: ['hr'] },
      { personId: 'x1', roles: ['admin'] },
      { personId: 'a2', roles: ['agent'], teamId: 't1' },
    ]) {
      expect(() => incidentViewFor(actor, state(true), 'i1')).toThrow(IncidentNotFoundError);
    }
  });
});
