/** Where an incident's acknowledge clock stands, as the api computed it: acknowledged, due, or overdue. */
export function slaClock(incident: { acknowledgedAt: string | null; ackDueAt: string; overdue: boolean }) {
  if (incident.acknowledgedAt !== null)
    return { state: 'acknowledged', at: incident.acknowledgedAt, overdue: false, acknowledged: true } as const;
  if (incident.overdue) return { state: 'overdue', at: incident.ackDueAt, overdue: true, acknowledged: false } as const;
  return { state: 'due', at: incident.ackDueAt, overdue: false, acknowledged: false } as const;
}
