import { DomainError } from '@frontline/decider';
import { personDecider, personStream } from '@frontline/directory';
import type { CommandExecutor } from '@frontline/platform';

/** 403, not 404: the route names nobody; the caller is signed in but the directory does not count them in (any more). */
export class NotEnrolledError extends DomainError {
  readonly code = 'not-enrolled';
  readonly kind = 'forbidden';
}

/** Cross-stream precondition: the directory, not the token, says whether someone is enrolled and active. */
export async function requireActivePerson(executor: CommandExecutor, personId: string): Promise<void> {
  const { state } = await executor.load(personStream(personId), personDecider);
  if (state.status !== 'active') throw new NotEnrolledError(`${personId} is not enrolled, or has left`);
}
