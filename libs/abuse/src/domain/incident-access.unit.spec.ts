import fc from 'fast-check';
import type { IncidentAccessVia } from './incident-access.events';
import type { IncidentRelation } from './incident.policy';
import { incidentsAccessed } from './incident-access';

const now = new Date('2026-03-02T10:00:00.000Z');
const officer = { personId: 'w1', roles: ['wellbeing_officer'] };
const lead = { personId: 'l1', roles: ['team_lead'], teamId: 't1' };

describe('recording who was given an incident', () => {
  it("records an officer's read with the narrative they saw", () => {
    expect(
      incidentsAccessed(
        officer,
        'incident',
        [{ incidentId: 'i1', relation: 'wellbeing_officer', narrative: true }],
        now,
      ),
    ).toEqual({
      type: 'IncidentsAccessed',
      data: {
        readerId: 'w1',
        role: 'wellbeing_officer',
        via: 'incident',
        at: '2026-03-02T10:00:00.000Z',
        incidents: [{ incidentId: 'i1', narrative: true }],
      },
    });
  });

  it("records a lead's read without the narrative the reporter did not share", () => {
    const event = incidentsAccessed(
      lead,
      'incident',
      [{ incidentId: 'i1', relation: 'team_lead', narrative: false }],
      now,
    );
    expect(event?.data).toMatchObject({ role: 'team_lead', incidents: [{ incidentId: 'i1', narrative: false }] });
  });

  it("does not record the reporter's own reads", () => {
    expect(
      incidentsAccessed(lead, 'incident', [{ incidentId: 'i1', relation: 'reporter', narrative: true }], now),
    ).toBeUndefined();
  });

  it('records a queue page as one access of every incident on it but the reader’s own', () => {
    const event = incidentsAccessed(
      lead,
      'queue',
      [
        { incidentId: 'i1', relation: 'team_lead', narrative: false },
        { incidentId: 'i2', relation: 'reporter', narrative: false },
        { incidentId: 'i3', relation: 'team_lead', narrative: false },
      ],
      now,
    );
    expect(event?.data).toMatchObject({
      via: 'queue',
      incidents: [
        { incidentId: 'i1', narrative: false },
        { incidentId: 'i3', narrative: false },
      ],
    });
  });

  it('records nothing for a page of nothing', () => {
    expect(incidentsAccessed(officer, 'queue', [], now)).toBeUndefined();
  });
});

describe('recording who was given an incident, for any answer', () => {
  const given = fc.array(
    fc.record({
      incidentId: fc.uuid(),
      relation: fc.constantFrom<IncidentRelation>('reporter', 'team_lead', 'wellbeing_officer'),
      narrative: fc.boolean(),
    }),
    { maxLength: 20 },
  );

  it("records every incident but the reader's own, in the answer's order, and nothing when there is none", () => {
    fc.assert(
      fc.property(given, fc.constantFrom<IncidentAccessVia>('incident', 'queue'), (incidents, via) => {
        const event = incidentsAccessed(officer, via, incidents, now);
        const others = incidents.filter(({ relation }) => relation !== 'reporter');
        if (others.length === 0) return event === undefined;
        return (
          event !== undefined &&
          event.data.via === via &&
          JSON.stringify(event.data.incidents) ===
            JSON.stringify(others.map(({ incidentId, narrative }) => ({ incidentId, narrative })))
        );
      }),
    );
  });
});
