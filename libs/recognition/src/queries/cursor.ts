import { DomainError } from '@frontline/decider';

export class InvalidCursorError extends DomainError {
  readonly code = 'invalid-cursor';
  readonly kind = 'invalid';
}

/** Lists page with an opaque cursor: callers hand back what they were given, nothing else. */
export function encodeCursor(position: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** The position a cursor holds, checked against the shape the list expects. */
export function decodeCursor<T extends (string | number)[]>(
  cursor: string,
  shape: readonly ('string' | 'number')[],
): T {
  try {
    const position: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      Array.isArray(position) &&
      position.length === shape.length &&
      position.every((part, i) => typeof part === shape[i])
    ) {
      return position as T;
    }
  } catch {
    // Falls through to the error below: a cursor that is not JSON is as bad as one of the wrong shape.
  }
  throw new InvalidCursorError('The cursor is not one this list gave out');
}

export interface Page {
  cursor?: string;
  limit: number;
}
