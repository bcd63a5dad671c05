/** A report of a critical threat by phone ten minutes ago, as the care and inbox specs send it; `overrides` change any field. */
export const threatReport = (overrides: Record<string, unknown> = {}) => ({
  channel: 'phone',
  kinds: ['threat_of_violence'],
  severity: 'critical',
  occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
  narrative: 'The caller said he knew where I live.',
  customerRef: 'caller@example.com',
  supportRequested: false,
  shareNarrativeWithLead: false,
  ...overrides,
});
