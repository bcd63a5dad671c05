import { Inject, Injectable } from '@nestjs/common';
import {
  AppConfig,
  CommandExecutor,
  DirectoryAccess,
  type DirectoryStanding,
  type PersonStanding,
  READ_MODEL_REDIS,
  type ReadModelRedis,
  isRole,
} from '@frontline/platform';
import { identityStream, personStream } from '../domain/directory.streams';
import { identityDecider } from '../domain/identity.decider';
import { personDecider } from '../domain/person.decider';
import { IdentityLinks } from './identity-links';

/** Counts every change to anyone's standing, on every api instance: one cheap read tells whether a standing may be reused. */
const CHANGES_KEY = 'directory:changes';
// The counter is bumped after the append: should a crash fall between the two, a reused standing still expires this soon.
const REUSED_FOR_MS = 5_000;
const REMEMBERED = 10_000;

interface Remembered {
  standing: PersonStanding | undefined;
  changes: string | null;
  until: number;
}

/**
 * The directory's answer to "what may this person do", read from their own stream, so never
 * behind the last enrolment, move or offboarding. A standing is read again after any change to
 * the directory, which each api instance sees through one counter in Redis.
 */
@Injectable()
export class DirectoryStandings extends DirectoryAccess {
  private readonly remembered = new Map<string, Remembered>();

  constructor(
    private readonly executor: CommandExecutor,
    private readonly links: IdentityLinks,
    private readonly config: AppConfig,
    @Inject(READ_MODEL_REDIS) private readonly redis: ReadModelRedis,
  ) {
    super();
  }

  async standingOf(personId: string): Promise<DirectoryStanding | undefined> {
    return this.reused(`person:${personId}`, () => this.readFromLog(personId));
  }

  async standingOfIdentity(identity: string): Promise<PersonStanding | undefined> {
    const key = this.links.keyOf(this.config.OIDC_IDENTITY_MATCHES, identity);
    return this.reused(`identity:${key}`, async () => {
      const { state } = await this.executor.load(identityStream(key), identityDecider);
      if (state.status !== 'claimed') return undefined;
      const standing = await this.readFromLog(state.personId, key);
      return standing;
    });
  }

  /** After every change to a person, before it is answered: their next request, on any instance, reads it. */
  async changed(): Promise<void> {
    await this.redis.incr(CHANGES_KEY);
  }

  private async reused(
    name: string,
    read: () => Promise<PersonStanding | undefined>,
  ): Promise<PersonStanding | undefined> {
    // The counter is read before the stream: a change that lands between the two reads is read again next time.
    const changes = await this.redis.get(CHANGES_KEY);
    const known = this.remembered.get(name);
    if (known && known.changes === changes && known.until > Date.now()) return known.standing;
    const standing = await read();
    if (this.remembered.size >= REMEMBERED) this.remembered.delete(this.remembered.keys().next().value!);
    this.remembered.set(name, { standing, changes, until: Date.now() + REUSED_FOR_MS });
    return standing;
  }

  /** With `identityKey`, only if the person still holds that identity: a claim outlives its link for a moment when it moves. */
  private async readFromLog(personId: string, identityKey?: string): Promise<PersonStanding | undefined> {
    const { state } = await this.executor.load(personStream(personId), personDecider);
    if (state.status === 'none') return undefined;
    const { identity } = state;
    if (identityKey && identityKey !== identity?.userNameKey && identityKey !== identity?.externalIdKey)
      return undefined;
    return Object.freeze({ personId, status: state.status, roles: state.roles.filter(isRole), teamId: state.teamId });
  }
}
