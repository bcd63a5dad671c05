import { deciderSpecification } from '@frontline/testing';
import { IdentityTakenError, identityDecider } from './identity.decider';

const { given } = deciderSpecification(identityDecider);
const claimed = { type: 'IdentityClaimed' as const, data: { key: 'u1', personId: 'ana' } };
const released = { type: 'IdentityReleased' as const, data: { key: 'u1', personId: 'ana' } };

describe('identity decider', () => {
  it('lets a free identity be claimed', () =>
    given([]).when({ type: 'ClaimIdentity', key: 'u1', personId: 'ana' }).then([claimed]));

  it('changes nothing when its holder claims it again', () =>
    given([claimed]).when({ type: 'ClaimIdentity', key: 'u1', personId: 'ana' }).then([]));

  it('refuses it to anyone else while it is held', () =>
    given([claimed]).when({ type: 'ClaimIdentity', key: 'u1', personId: 'bo' }).thenThrows(IdentityTakenError));

  it('is released by its holder only, and can then be claimed by someone else', () => {
    given([claimed]).when({ type: 'ReleaseIdentity', key: 'u1', personId: 'bo' }).then([]);
    given([claimed]).when({ type: 'ReleaseIdentity', key: 'u1', personId: 'ana' }).then([released]);
    given([claimed, released])
      .when({ type: 'ClaimIdentity', key: 'u1', personId: 'bo' })
      .then([{ type: 'IdentityClaimed', data: { key: 'u1', personId: 'bo' } }]);
  });
});
