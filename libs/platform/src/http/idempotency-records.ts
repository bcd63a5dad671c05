import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { macKey } from '../privacy/mac-keys';
import { READ_MODEL_REDIS, type ReadModelRedis } from '../redis/redis.module';

const REMEMBER_SECONDS = 24 * 60 * 60;
const IN_FLIGHT_SECONDS = 60;

/** What is kept of a request under its Idempotency-Key: a MAC of it, and its answer once there is one. */
export interface IdempotencyRecord {
  fingerprint: string;
  status?: number;
  /** Absent for an answer that carried a secret: a retry runs the command again instead. */
  body?: unknown;
}

/**
 * The Idempotency-Key records of each person. Nothing in them reads back to a request: the
 * fingerprint and the names are HMACs under a key derived from API_MAC_SECRET, so a reader of
 * Redis cannot confirm a guessed body. A person's records share one hash tag and an index, so
 * erasure forgets them all and a Redis Cluster keeps them in one slot.
 */
@Injectable()
export class IdempotencyRecords {
  private readonly key: Buffer;

  constructor(
    @Inject(READ_MODEL_REDIS) private readonly redis: ReadModelRedis,
    config: AppConfig,
  ) {
    this.key = macKey(config, 'idempotency-record');
  }

  /** The record's name for this person and key. */
  slot(personId: string | undefined, idempotencyKey: string): string {
    return `${this.owner(personId)}:${this.mac(idempotencyKey)}`;
  }

  fingerprint(method: string, url: string, body: unknown): string {
    return this.mac(`${method} ${url} ${JSON.stringify(body ?? null)}`);
  }

  /** Claims the slot for a request in flight; the earlier record when the key was used before. */
  async claim(personId: string | undefined, slot: string, fingerprint: string): Promise<IdempotencyRecord | undefined> {
    const index = this.owner(personId);
    const replies = await this.redis
      .multi()
      .sadd(index, slot)
      .expire(index, REMEMBER_SECONDS)
      .set(slot, JSON.stringify({ fingerprint }), 'EX', IN_FLIGHT_SECONDS, 'NX')
      .exec();
    if (replies?.[2]?.[1] === 'OK') return undefined;
    return JSON.parse((await this.redis.get(slot)) ?? '{}') as IdempotencyRecord;
  }

  remember(slot: string, record: IdempotencyRecord): Promise<unknown> {
    return this.redis.set(slot, JSON.stringify(record), 'EX', REMEMBER_SECONDS);
  }

  release(slot: string): Promise<unknown> {
    return this.redis.del(slot);
  }

  /** Every record of the person goes: called when their personal data is erased. */
  async forget(personId: string): Promise<void> {
    const index = this.owner(personId);
    const slots = await this.redis.smembers(index);
    await this.redis.del(index, ...slots);
  }

  private owner(personId: string | undefined): string {
    return `idempotency:{${this.mac(`person ${personId ?? 'anonymous'}`)}}`;
  }

  private mac(text: string): string {
    return createHmac('sha256', this.key).update(text).digest('base64url');
  }
}
