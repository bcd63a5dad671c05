/** The steps of post-incident care, each one job per incident. */
export const CARE_STEPS = ['alert', 'offer', 'remind', 'escalate', 'check-in'] as const;
export type CareStep = (typeof CARE_STEPS)[number];

export interface CareJobData {
  incidentId: string;
}

/** Deterministic per incident and step: re-adding a job after a crash adds nothing. */
export const careJobId = (step: CareStep, incidentId: string) => `care:${step}:${incidentId}`;

/** Where the team lead and the wellbeing officer open the incident (the narrative stays behind it). */
export const incidentPath = (incidentId: string) => `/v1/incidents/${incidentId}`;

/** The team lead is reminded when this share of the acknowledgement SLA has passed. */
export const ACK_REMINDER_SHARE = 0.75;
