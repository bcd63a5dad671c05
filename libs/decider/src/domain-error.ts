/**
 * A rule the domain keeps, broken. Each subclass names a stable `code` that becomes the
 * problem type URI, and a `kind` that becomes the HTTP status, in one place.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: 'conflict' | 'not_found' | 'forbidden' | 'invalid';

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'not-found';
  readonly kind = 'not_found';
}

export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
  readonly kind = 'forbidden';
}
