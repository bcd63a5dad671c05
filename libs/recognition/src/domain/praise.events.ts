import type { DomainEvent } from '@frontline/decider';
import type { PraiseSource } from './recognition.vocabulary';

/** `quote` is personal data: ciphertext under the agent's own key. */
export type CustomerPraiseRecorded = DomainEvent<
  'CustomerPraiseRecorded',
  { praiseId: string; agentId: string; source: PraiseSource; quote: string; recordedBy: string; recordedAt: string }
>;

export type PraiseEvent = CustomerPraiseRecorded;
