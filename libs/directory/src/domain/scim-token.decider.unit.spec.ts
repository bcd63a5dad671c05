import { deciderSpecification } from '@frontline/testing';
import { scimTokenDecider } from './scim-token.decider';

const { given } = deciderSpecification(scimTokenDecider);
const rotated = (tokenHash: string) => ({ type: 'ScimTokenRotated' as const, data: { tokenHash } });

describe('SCIM token decider', () => {
  it('issues the first token', () =>
    given([])
      .when({ type: 'RotateScimToken', tokenHash: 'h1' })
      .then([rotated('h1')]));

  it('replaces the token on each rotation, and does nothing for a repeat of the same one', () => {
    given([rotated('h1')])
      .when({ type: 'RotateScimToken', tokenHash: 'h2' })
      .then([rotated('h2')]);
    given([rotated('h1'), rotated('h2')])
      .when({ type: 'RotateScimToken', tokenHash: 'h2' })
      .then([]);
  });
});
