import { Injectable } from '@nestjs/common';
import { type CommandContext, CommandExecutor, PersonalData, stepOf } from '@frontline/platform';
import { identityStream, personStream } from '../domain/directory.streams';
import { identityDecider } from '../domain/identity.decider';
import { type PersonState, UnknownPersonError, personDecider } from '../domain/person.decider';

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

  /** Who holds this identity now, if anyone. */
  async holderOf(attribute: IdentityAttribute, value: string): Promise<string | undefined> {
    const { state } = await this.executor.load(identityStream(this.keyOf(attribute, value)), identityDecider);
    return state.status === 'claimed' ? state.personId : undefined;
  }

  /** Claims the new identity before recording it, and only then lets the old one go: a crash leaves nothing half-taken. */
  async link(personId: string, identity: Identity, context: CommandContext): Promise<void> {
    const loaded = await this.executor.load(personStream(personId), personDecider);
    if (loaded.state.status === 'none') throw new UnknownPersonError(`Nobody is enrolled as ${personId}`);
    const userNameKey = this.keyOf('userName', identity.userName);
    const externalIdKey = identity.externalId === undefined ? undefined : this.keyOf('externalId', identity.externalId);
    const before = keysOf(loaded.state);
    const after = [userNameKey, externalIdKey].filter((key) => key !== undefined);
    if (before.join() === after.join()) return;
    await this.claim(personId, after, before, context);
    const [userName, externalId] = await Promise.all([
      this.personalData.encrypt(personId, identity.userName),
      identity.externalId === undefined ? undefined : this.personalData.encrypt(personId, identity.externalId),
    ]);
    const command = { type: 'LinkIdentity' as const, personId, userName, userNameKey, externalId, externalIdKey };
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

  private async claim(personId: string, keys: string[], held: string[], context: CommandContext): Promise<void> {
    const claimed: string[] = [];
    try {
      for (const key of keys) {
        await this.executor.execute(
          identityStream(key),
          identityDecider,
          { type: 'ClaimIdentity', key, personId },
          context,
        );
        claimed.push(key);
      }
    } catch (error) {
      await this.release(
        personId,
        claimed.filter((key) => !held.includes(key)),
        context,
      );
      throw error;
    }
  }

  private async release(personId: string, keys: string[], context: CommandContext): Promise<void> {
    for (const key of keys)
      await this.executor.execute(
        identityStream(key),
        identityDecider,
        { type: 'ReleaseIdentity', key, personId },
        context,
      );
  }
}

function keysOf(state: PersonState): string[] {
  if (state.status === 'none' || !state.identity) return [];
  return [state.identity.userNameKey, state.identity.externalIdKey].filter((key) => key !== undefined);
}
