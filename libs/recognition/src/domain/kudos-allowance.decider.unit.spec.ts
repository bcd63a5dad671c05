import { deciderSpecification } from '@frontline/testing';
import { KudosAllowanceSpentError, kudosAllowanceDecider } from './kudos-allowance.decider';
import type { KudosAllowanceSpent } from './kudos-allowance.events';

const { given } = deciderSpecification(kudosAllowanceDecider);
const spent = (kudosId: string): KudosAllowanceSpent => ({ type: 'KudosAllowanceSpent', data: { kudosId } });
const spend = (kudosId: string, allowance = 3) => ({
  type: 'SpendKudosAllowance' as const,
  kudosId,
  senderId: 'ana',
  allowance,
});

describe('kudos allowance decider', () => {
  it('spends one of the day’s allowance on a kudos', () =>
    given([])
      .when(spend('k1'))
      .then([spent('k1')]));

  it('spends up to the allowance', () =>
    given([spent('k1'), spent('k2')])
      .when(spend('k3'))
      .then([spent('k3')]));

  it('refuses a kudos over the allowance', () =>
    given([spent('k1'), spent('k2'), spent('k3')])
      .when(spend('k4'))
      .thenThrows(KudosAllowanceSpentError));

  it('spends once per kudos', () =>
    given([spent('k1'), spent('k2'), spent('k3')])
      .when(spend('k2'))
      .then([]));

  it('takes the allowance from the command', () =>
    given([spent('k1'), spent('k2'), spent('k3')])
      .when(spend('k4', 20))
      .then([spent('k4')]));
});
