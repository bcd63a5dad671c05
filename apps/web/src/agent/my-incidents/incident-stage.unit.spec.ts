import { incidentStage } from './incident-stage';

describe("an incident's stage, as its reporter reads it", () => {
  const acknowledged = { by: 'lead', at: '2026-12-07T10:00:00Z' };

  it('is waiting until someone acknowledges it, or it is escalated', () => {
    expect(incidentStage({ status: 'open', escalations: [] })).toBe('open');
    expect(incidentStage({ status: 'open', escalations: ['sla_breach'] })).toBe('escalated');
  });

  it('is acknowledged once acknowledged, escalated before or not', () => {
    expect(incidentStage({ status: 'open', acknowledged, escalations: ['sla_breach'] })).toBe('acknowledged');
  });

  it('is closed or withdrawn whatever happened before', () => {
    expect(incidentStage({ status: 'closed', acknowledged })).toBe('closed');
    expect(incidentStage({ status: 'withdrawn' })).toBe('withdrawn');
  });
});
