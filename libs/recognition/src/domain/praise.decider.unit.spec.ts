import { deciderSpecification } from '@frontline/testing';
import {
  AgentNotActiveError,
  InvalidPraiseError,
  PraiseAlreadyRecordedError,
  type PraiseCommand,
  PraiseNotAllowedError,
  UnknownAgentError,
  praiseDecider,
} from './praise.decider';
import type { CustomerPraiseRecorded } from './praise.events';

const { given } = deciderSpecification(praiseDecider);
const now = new Date('2026-03-02T10:00:00.000Z');
const record = (overrides: Partial<PraiseCommand> = {}): PraiseCommand => ({
  type: 'RecordCustomerPraise',
  praiseId: 'pr1',
  agentId: 'ana',
  agent: { status: 'active', teamId: 't1' },
  source: 'survey',
  quote: 'pd1.ana.cipher',
  quoteLength: 42,
  recordedBy: 'lead1',
  recorderRoles: ['team_lead'],
  now,
  ...overrides,
});
const recorded: CustomerPraiseRecorded = {
  type: 'CustomerPraiseRecorded',
  data: {
    praiseId: 'pr1',
    agentId: 'ana',
    source: 'survey',
    quote: 'pd1.ana.cipher',
    recordedBy: 'lead1',
    recordedAt: now.toISOString(),
  },
};

describe('praise decider', () => {
  it('records customer praise for an active agent', () => given([]).when(record()).then([recorded]));

  it('lets an admin record praise too', () =>
    given([])
      .when(record({ recorderRoles: ['admin'] }))
      .then([recorded]));

  it('lets nobody else record praise', () =>
    given([])
      .when(record({ recorderRoles: ['agent', 'hr'] }))
      .thenThrows(PraiseNotAllowedError));

  it('needs an enrolled, active agent', () => {
    given([])
      .when(record({ agent: { status: 'none' } }))
      .thenThrows(UnknownAgentError);
    given([])
      .when(record({ agent: { status: 'offboarded', teamId: 't1' } }))
      .thenThrows(AgentNotActiveError);
  });

  it('needs a known source and a quote of 1 to 1,000 characters', () => {
    given([])
      .when(record({ source: 'pigeon' as never }))
      .thenThrows(InvalidPraiseError);
    given([])
      .when(record({ quoteLength: 0 }))
      .thenThrows(InvalidPraiseError);
    given([])
      .when(record({ quoteLength: 1001 }))
      .thenThrows(InvalidPraiseError);
  });

  it('records the same praise once', () => given([recorded]).when(record()).thenThrows(PraiseAlreadyRecordedError));
});
