import type { Decider, DomainEvent } from '@frontline/decider';

/** The SCIM client's bearer token, as its SHA-256 hash only: the token itself is shown once, to the admin who rotated it. */
export type ScimTokenRotated = DomainEvent<'ScimTokenRotated', { tokenHash: string }>;

export type ScimTokenState = { status: 'none' } | { status: 'issued'; tokenHash: string };
export type ScimTokenCommand = { type: 'RotateScimToken'; tokenHash: string };

export const scimTokenDecider: Decider<ScimTokenCommand, ScimTokenRotated, ScimTokenState> = {
  initialState: () => ({ status: 'none' }),
  decide: (command, state) =>
    state.status === 'issued' && state.tokenHash === command.tokenHash
      ? []
      : [{ type: 'ScimTokenRotated', data: { tokenHash: command.tokenHash } }],
  evolve: (_, event) => ({ status: 'issued', tokenHash: event.data.tokenHash }),
};
