import { slaClock } from './sla-clock';

describe('an incident’s acknowledge clock', () => {
  const due = '2026-12-07T14:00:00.000Z';

  it('is due until the api says it is overdue', () => {
    expect(slaClock({ acknowledgedAt: null, ackDueAt: due, overdue: false })).toMatchObject({ state: 'due', at: due });
  });

  it('is overdue once past its due time and not acknowledged', () => {
    expect(slaClock({ acknowledgedAt: null, ackDueAt: due, overdue: true })).toMatchObject({
      state: 'overdue',
      overdue: true,
    });
  });

  it('stops when acknowledged, at the acknowledgement', () => {
    const at = '2026-12-07T11:00:00.000Z';
    expect(slaClock({ acknowledgedAt: at, ackDueAt: due, overdue: true })).toMatchObject({
      state: 'acknowledged',
      at,
      overdue: false,
    });
  });
});
