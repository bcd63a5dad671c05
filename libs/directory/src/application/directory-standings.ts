import { Inject, Injectable } from '@nestjs/common';
import {
  CommandExecutor,
  DirectoryAccess,
  type DirectoryStanding,
  READ_MODEL_REDIS,
  type ReadModelRedis,
  isRole,
} from '@frontline/platform';
import { personStream } from '../domain/directory.streams';
import { personDecider } from '../domain/person.decider';

/** Counts every change to anyone's standing, on every api instance: one cheap read tells whether a standing may be reused. */
const CHANGES_KEY = 'directory:changes';
// The counter is bumped after the append: should a crash fall between the two, a reused standing still expires this soon.
const REUSED_FOR_MS = 5_000;
const REMEMBERED = 10_000;

interface Remembered {
  standing: DirectoryStanding | undefined;
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
    @Inject(READ_MODEL_REDIS) private readonly redis: ReadModelRedis,
  ) {
    super();
  }

  async standingOf(personId: string): Promise<DirectoryStanding | undefined> {
    // The counter is read before the stream: a change that lands between the two reads is read again next time.
    const changes = await this.redis.get(CHANGES_KEY);
    const known = this.remembered.get(personId);
    if (known && known.changes === changes && known.until > Date.now()) return known.standing;
    const standing = await this.readFromLog(personId);
    if (this.remembered.size >= REMEMBERED) this.remembered.delete(this.remembered.keys().next().value!);
    this.remembered.set(personId, { standing, changes, until: Date.now() + REUSED_FOR_MS });
    return standing;
  }

  /** After every change to a person, before it is answered: their next request, on any instance, reads it. */
  async changed(): Promise<void> {
    await this.redis.incr(CHANGES_KEY);
  }

  private async readFromLog(personId: string): Promise<DirectoryStanding | undefined> {
    const { state } = await this.executor.load(personStream(personId), personDecider);
    if (state.status === 'none') return undefined;
    return Object.freeze({ status: state.status, roles: state.roles.filter(isRole), teamId: state.teamId });
  }
}
