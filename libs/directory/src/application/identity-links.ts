import { Injectable } from '@nestjs/common';
import { type CommandContext, CommandExecutor, PersonalData, stepOf } from '@frontline/platform';
import { identityStream, personStream } from '../domain/directory.streams';
import { identityDecider } from '../domain/identity.decider';
import { type LinkedIdentity, type PersonState, UnknownPersonError, personDecider } from '../domain/person.decider';

/** Who someone is at the organisation's identity provider. */
export interface Identity {
  /** SCIM `userName`: unique, compared without regard to case. */
  userName: string;
  /** SCIM `externalId`: the provider's own id of the person, compared exactly. */
  externalId?: string;
}

export type IdentityAttribute = 'userName' | 'externalId';

/**
 * Links people to their identity: each user name and external id is held by one person at a
 * time (an `identity-<key>` stream claims it), and the person's stream records it encrypted.
 */
@Injectable()
export class IdentityLinks {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly personalData: PersonalData,
  ) {}

  /** The key of a user name or an external id: how it is found, never what it is. */
  keyOf(attribute: IdentityAttribute, value: string): string {
    return attribute === 'userName'
      ? `u${this.personalData.pseudonym('identity-user-name', value.normalize('NFC').trim().toLowerCase())}`
      : `x${this.personalData.pseudonym('identity-external-id', value)}`;
  }

  /** The keys an identity is held by: its user name's, and its external id's if it has one. */
  keysOfIdentity({ userName, externalId }: Identity): string[] {
    return [
      this.keyOf('userName', userName),
      ...(externalId === undefined ? [] : [this.keyOf('externalId', externalId)]),
    ];
  }

  /** Who holds this identity now, if anyone. */
  async holderOf(attribute: IdentityAttribute, value: string): Promise<string | undefined> {
    const { state } = await this.executor.load(identityStream(this.keyOf(attribute, value)), identityDecider);
    return state.status === 'claimed' ? state.personId : undefined;
  }

  /** The identity as events hold it: each value encrypted under the person's key, with its key. */
  async sealed(personId: string, identity: Identity): Promise<LinkedIdentity> {
    const { userName, externalId } = identity;
    // One after the other: the first makes the person's key if it is new, which concurrent writers would each try.
    const sealedUserName = await this.personalData.encrypt(personId, userName);
    const [sealedExternalId] = await Promise.all([
      externalId === undefined ? undefined : this.personalData.encrypt(personId, externalId),
    ]);
    return {
      userName: sealedUserName,
      userNameKey: this.keyOf('userName', userName),
      ...(externalId === undefined
        ? {}
        : { externalId: sealedExternalId, externalIdKey: this.keyOf('externalId', externalId) }),
    };
  }

  /**
   * Claims each key for the person (IdentityTakenError if someone else holds one, after letting
   * go of those this call took); answers the keys it took, which were free before.
   */
  async claim(personId: string, keys: readonly string[], context: CommandContext): Promise<string[]> {
    const taken: string[] = [];
    try {
      for (const key of keys) {
        const claim = { type: 'ClaimIdentity' as const, key, personId };
        const { events } = await this.executor.execute(
          identityStream(key),
          identityDecider,
          claim,
          stepOf(context, 'claim'),
        );
        if (events.length > 0) taken.push(key);
      }
    } catch (error) {
      await this.release(personId, taken, context);
      throw error;
    }
    return taken;
  }

  /** Claims the new identity before recording it, and only then lets the old one go: a crash leaves nothing half-taken. */
  async link(personId: string, identity: Identity, context: CommandContext): Promise<void> {
    const loaded = await this.executor.load(personStream(personId), personDecider);
    if (loaded.state.status === 'none') throw new UnknownPersonError(`Nobody is enrolled as ${personId}`);
    const before = keysOf(loaded.state);
    const after = [this.keyOf('userName', identity.userName)];
    if (identity.externalId !== undefined) after.push(this.keyOf('externalId', identity.externalId));
    if (before.join() === after.join()) return;
    await this.claim(personId, after, context);
    const command = { type: 'LinkIdentity' as const, personId, ...(await this.sealed(personId, identity)) };
    await this.executor.execute(personStream(personId), personDecider, command, stepOf(context, 'link'), { loaded });
    await this.release(
      personId,
      before.filter((key) => !after.includes(key)),
      context,
    );
  }

  /** Nobody signs in as this person any more; their user name and external id are free for someone else. */
  async unlink(personId: string, context: CommandContext): Promise<void> {
    const { state } = await this.executor.load(personStream(personId), personDecider);
    if (state.status === 'none') throw new UnknownPersonError(`Nobody is enrolled as ${personId}`);
    await this.executor.execute(
      personStream(personId),
      personDecider,
      { type: 'UnlinkIdentity', personId },
      stepOf(context, 'unlink'),
    );
    await this.release(personId, keysOf(state), context);
  }

  async release(personId: string, keys: readonly string[], context: CommandContext): Promise<void> {
    for (const key of keys)
      await this.executor.execute(
        identityStream(key),
        identityDecider,
        { type: 'ReleaseIdentity', key, personId },
        stepOf(context, 'release'),
      );
  }
}

export const keysOfLinked = (identity: LinkedIdentity) =>
  [identity.userNameKey, identity.externalIdKey].filter((key) => key !== undefined);

function keysOf(state: PersonState): string[] {
  if (state.status === 'none' || !state.identity) return [];
  return [state.identity.userNameKey, state.identity.externalIdKey].filter((key) => key !== undefined);
}
