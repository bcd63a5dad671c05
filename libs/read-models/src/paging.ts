import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ReadModelRedis } from '@frontline/platform';
import { DomainError } from '@frontline/decider';
import { AppConfig, macKey } from '@frontline/platform';

export class InvalidCursorError extends DomainError {
  readonly code = 'invalid-cursor';
  readonly kind = 'invalid';
}

/** `cursor` and `limit` of every list. */
export interface Page {
  cursor?: string;
  limit: number;
}

/** Where a list stopped: the sort values of the last item given. */
type Position = readonly (string | number)[];
type Shape = readonly ('string' | 'number')[];

/**
 * Every list pages the same way: its cursor is opaque and signed, base64url of where the list
 * stopped, a dot, and an HMAC of the list's name and that position under a key derived from
 * API_MAC_SECRET. A caller can hand back only a cursor that list gave out; anything else,
 * edited, forged or from another list, is an `invalid-cursor` 400.
 */
@Injectable()
export class Paging {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = macKey(config, 'page-cursor');
  }

  seal(list: string, position: Position): string {
    const payload = Buffer.from(JSON.stringify(position)).toString('base64url');
    return `${payload}.${this.mac(list, payload).toString('base64url')}`;
  }

  /** The position a cursor of this list holds, or InvalidCursorError. */
  open<T extends Position>(list: string, cursor: string, shape: Shape): T {
    const [payload, mac, ...rest] = cursor.split('.');
    const given = Buffer.from(mac ?? '', 'base64url');
    const expected = this.mac(list, payload);
    if (rest.length === 0 && given.length === expected.length && timingSafeEqual(given, expected)) {
      const position: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString());
      // Signed by this api, so well formed; the shape is checked in case a list changes what it stores.
      if (Array.isArray(position) && position.length === shape.length) {
        if (position.every((part, i) => typeof part === shape[i])) return position as unknown as T;
      }
    }
    throw new InvalidCursorError('The cursor is not one this list gave out');
  }

  /** A page of a list held in memory, in its order. */
  slice<T>(list: string, items: readonly T[], { cursor, limit }: Page): { items: T[]; nextCursor: string | null } {
    const [offset] = cursor === undefined ? [0] : this.open<[number]>(list, cursor, ['number']);
    return {
      items: items.slice(offset, offset + limit),
      nextCursor: offset + limit < items.length ? this.seal(list, [offset + limit]) : null,
    };
  }

  /**
   * A page of ids in their sorted order, resuming after the id the cursor holds rather than at an
   * offset, so ids that come or go meanwhile neither skip nor repeat one.
   */
  after(
    list: string,
    sorted: readonly string[],
    { cursor, limit }: Page,
  ): { items: string[]; nextCursor: string | null } {
    const [last] = cursor === undefined ? [undefined] : this.open<[string]>(list, cursor, ['string']);
    const start = last === undefined ? 0 : sorted.findIndex((id) => id > last);
    const items = start < 0 ? [] : sorted.slice(start, start + limit);
    const more = start >= 0 && start + limit < sorted.length;
    return { items, nextCursor: more ? this.seal(list, [items[items.length - 1]]) : null };
  }

  /**
   * One page of a sorted set in score order, resuming after the (score, member) the cursor holds
   * rather than at an offset, so members leaving the set meanwhile neither skip nor repeat one.
   */
  async sortedSet(
    redis: ReadModelRedis,
    list: string,
    key: string,
    { cursor, limit }: Page,
    order: 'oldest_first' | 'newest_first',
  ): Promise<{ members: string[]; nextCursor: string | null }> {
    const after = cursor === undefined ? undefined : this.open<[number, string]>(list, cursor, ['number', 'string']);
    const newestFirst = order === 'newest_first';
    const from = after ? String(after[0]) : newestFirst ? '+inf' : '-inf';
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
          entry.score === after[0] &&
          (newestFirst ? entry.member >= after[1] : entry.member <= after[1]);
        if (!given) found.push(entry);
      }
    }
    const page = found.slice(0, limit);
    const last = page[page.length - 1];
    return {
      members: page.map((entry) => entry.member),
      nextCursor: found.length > limit ? this.seal(list, [last.score, last.member]) : null,
    };
  }

  private mac(list: string, payload: string): Buffer {
    return createHmac('sha256', this.key).update(`${list}\u0000${payload}`).digest();
  }
}
