import { DomainError } from '@frontline/decider';
import type { Redis } from 'ioredis';

export class InvalidCursorError extends DomainError {
  readonly code = 'invalid-cursor';
  readonly kind = 'invalid';
}

export interface Page {
  cursor?: string;
  limit: number;
}

/**
 * One page of a sorted set in score order, resuming after the (score, member) the cursor holds
 * rather than at an offset, so incidents leaving the queue meanwhile neither skip nor repeat one.
 */
export async function sortedSetPage(
  redis: Redis,
  key: string,
  { cursor, limit }: Page,
  order: 'oldest_first' | 'newest_first',
): Promise<{ members: string[]; nextCursor: string | null }> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  const newestFirst = order === 'newest_first';
  const from = after ? String(after.score) : newestFirst ? '+inf' : '-inf';
  const to = newestFirst ? '-inf' : '+inf';
  const found: { member: string; score: number }[] = [];
  for (let offset = 0; found.length <= limit;) {
    const batch = newestFirst
      ? await redis.zrange(key, from, to, 'BYSCORE', 'REV', 'LIMIT', offset, limit + 1, 'WITHSCORES')
      : await redis.zrange(key, from, to, 'BYSCORE', 'LIMIT', offset, limit + 1, 'WITHSCORES');
    if (batch.length === 0) break;
    offset += batch.length / 2;
    for (let i = 0; i < batch.length; i += 2) {
      const entry = { member: batch[i], score: Number(batch[i + 1]) };
      // Members of equal score come in member order (reversed when newest first): skip those already given.
      const given =
        after !== undefined &&
        entry.score === after.score &&
        (newestFirst ? entry.member >= after.member : entry.member <= after.member);
      if (!given) found.push(entry);
    }
  }
  const page = found.slice(0, limit);
  const last = page[page.length - 1];
  return {
    members: page.map((entry) => entry.member),
    nextCursor: found.length > limit ? encodeCursor(last.score, last.member) : null,
  };
}

function encodeCursor(score: number, member: string): string {
  return Buffer.from(JSON.stringify([score, member])).toString('base64url');
}

function decodeCursor(cursor: string): { score: number; member: string } {
  try {
    const [score, member, ...rest] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (typeof score === 'number' && typeof member === 'string' && rest.length === 0) return { score, member };
  } catch {
    // A cursor that is not JSON is as bad as one of the wrong shape: the error below.
  }
  throw new InvalidCursorError('The cursor is not one this list gave out');
}
