import { type Decider, DomainError, assertNever } from '@frontline/decider';
import type { PraiseEvent } from './praise.events';
import { MAX_PRAISE_QUOTE, PRAISE_SOURCES, type PersonFacts, type PraiseSource } from './recognition.vocabulary';

export type PraiseState = { status: 'none' } | { status: 'recorded'; praiseId: string; agentId: string };

export type PraiseCommand = {
  type: 'RecordCustomerPraise';
  praiseId: string;
  agentId: string;
  /** The directory's word on the agent. */
  agent: PersonFacts;
  source: PraiseSource;
  /** Ciphertext under the agent's key; the rule on its length looks at `quoteLength` of the plaintext. */
  quote: string;
  quoteLength: number;
  recordedBy: string;
  recorderRoles: readonly string[];
  now: Date;
};

export class PraiseNotAllowedError extends DomainError {
  readonly code = 'praise-not-allowed';
  readonly kind = 'forbidden';
}

export class UnknownAgentError extends DomainError {
  readonly code = 'unknown-agent';
  readonly kind = 'not_found';
}

export class AgentNotActiveError extends DomainError {
  readonly code = 'agent-not-active';
  readonly kind = 'conflict';
}

export class InvalidPraiseError extends DomainError {
  readonly code = 'invalid-praise';
  readonly kind = 'invalid';
}

export class PraiseAlreadyRecordedError extends DomainError {
  readonly code = 'praise-already-recorded';
  readonly kind = 'conflict';
}

export const praiseDecider: Decider<PraiseCommand, PraiseEvent, PraiseState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'RecordCustomerPraise': {
        const { praiseId, agentId, agent, source, quote, quoteLength, recordedBy, recorderRoles, now } = command;
        if (!recorderRoles.some((role) => role === 'team_lead' || role === 'admin')) {
          throw new PraiseNotAllowedError('Customer praise is recorded by a team lead or an admin');
        }
        if (agent.status === 'none') throw new UnknownAgentError(`Nobody is enrolled as ${agentId}`);
        if (agent.status !== 'active') throw new AgentNotActiveError(`${agentId} left the organisation`);
        if (!PRAISE_SOURCES.includes(source))
          throw new InvalidPraiseError(`Source is one of ${PRAISE_SOURCES.join(', ')}`);
        if (quoteLength < 1 || quoteLength > MAX_PRAISE_QUOTE) {
          throw new InvalidPraiseError(`The quote is 1 to ${MAX_PRAISE_QUOTE} characters`);
        }
        if (state.status !== 'none') throw new PraiseAlreadyRecordedError(`Praise ${praiseId} exists already`);
        return [
          {
            type: 'CustomerPraiseRecorded',
            data: { praiseId, agentId, source, quote, recordedBy, recordedAt: now.toISOString() },
          },
        ];
      }
      default:
        return assertNever(command.type);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CustomerPraiseRecorded':
        return { status: 'recorded', praiseId: event.data.praiseId, agentId: event.data.agentId };
      default:
        return state;
    }
  },
};
