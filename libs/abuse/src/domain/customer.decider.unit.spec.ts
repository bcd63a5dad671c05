import { deciderSpecification } from '@frontline/testing';
import { type LinkCustomerIncident, customerDecider } from './customer.decider';
import type { CustomerIncidentLinked, RepeatAbuserMatched } from './customer.events';

const { given } = deciderSpecification(customerDecider);
const customerPseudonym = 'cust_abc';
const now = new Date('2025-10-06T10:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000).toISOString();

const link = (incidentId: string, agentId: string, occurredAt = daysAgo(1)): LinkCustomerIncident => ({
  type: 'LinkCustomerIncident',
  customerPseudonym,
  incident: { incidentId, agentId, occurredAt },
  minAgents: 2,
  now,
});
const linked = ({ incident }: LinkCustomerIncident): CustomerIncidentLinked => ({
  type: 'CustomerIncidentLinked',
  data: { customerPseudonym, ...incident },
});
const matched = (incidentIds: string[], distinctAgents: number): RepeatAbuserMatched => ({
  type: 'RepeatAbuserMatched',
  data: { customerPseudonym, incidentIds, distinctAgents, matchedAt: now.toISOString() },
});

describe('customer decider: repeat-abuser matching', () => {
  it('links a first incident without a match', () =>
    given([])
      .when(link('i1', 'a1'))
      .then([linked(link('i1', 'a1'))]));

  it('matches when two distinct agents reported the customer within 90 days', () =>
    given([linked(link('i1', 'a1', daysAgo(89)))])
      .when(link('i2', 'a2'))
      .then([linked(link('i2', 'a2')), matched(['i1', 'i2'], 2)]));

  it('does not match the same agent reporting the customer twice', () =>
    given([linked(link('i1', 'a1', daysAgo(3)))])
      .when(link('i2', 'a1'))
      .then([linked(link('i2', 'a1'))]));

  it('does not count an incident older than 90 days', () =>
    given([linked(link('i1', 'a1', daysAgo(91)))])
      .when(link('i2', 'a2'))
      .then([linked(link('i2', 'a2'))]));

  it('raises one match per qualifying set: a third agent while it still qualifies adds no new match', () =>
    given([linked(link('i1', 'a1')), linked(link('i2', 'a2')), matched(['i1', 'i2'], 2)])
      .when(link('i3', 'a3'))
      .then([linked(link('i3', 'a3'))]));

  it('matches again once the earlier set has left the window and a new one qualifies', () =>
    given([
      linked(link('i1', 'a1', daysAgo(120))),
      linked(link('i2', 'a2', daysAgo(100))),
      matched(['i1', 'i2'], 2),
      linked(link('i3', 'a3', daysAgo(5))),
    ])
      .when(link('i4', 'a1'))
      .then([linked(link('i4', 'a1')), matched(['i3', 'i4'], 2)]));

  it('links an incident once', () =>
    given([linked(link('i1', 'a1'))])
      .when(link('i1', 'a1'))
      .then([]));

  it('honours a higher MATCH_MIN_AGENTS', () =>
    given([linked(link('i1', 'a1'))])
      .when({ ...link('i2', 'a2'), minAgents: 3 })
      .then([linked(link('i2', 'a2'))]));
});
