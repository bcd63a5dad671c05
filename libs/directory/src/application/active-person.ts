import { DomainError } from '@frontline/decider';
import type { CommandExecutor } from '@frontline/platform';
import { personStream } from '../domain/directory.streams';
import { personDecider } from '../domain/person.decider';

/** 403, not 404: the caller is signed in, but the directory does not count them in (any more). */
export class NotEnrolledError extends DomainError {
  readonly code = 'not-enrolled';
  readonly kind = 'forbidden';
}

/** Cross-stream precondition: the directory, not the token, says who is enrolled and active, and in which team. */
export async function activeTeamOf(executor: CommandExecutor, personId: string): Promise<string> {
  const { state } = await executor.load(personStream(personId), personDecider);
  if (state.status !== 'active') throw new NotEnrolledError(`${personId} is not enrolled, or has left`);
  return state.teamId;
}
