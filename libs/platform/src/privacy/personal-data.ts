import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
import { DomainError } from '@frontline/decider';
import { AppConfig } from '../config/app-config';
import { POSTGRES_POOL } from '../postgres/postgres.module';

const PREFIX = 'pd1';
export class PersonalDataErasedError extends DomainError {
  readonly code = 'personal-data-erased';
  readonly kind = 'conflict';
}

/** What reads show in place of personal data whose key was erased. */
export const ERASED = '[erased]';

/**
 * Personal data in events is AES-256-GCM ciphertext under a key of the person it is
 * about. Keys live in PostgreSQL; erasing a person deletes their key, and with it every
 * copy of their personal data in the log, without rewriting history.
 */
@Injectable()
export class PersonalData implements OnModuleInit {
  constructor(
    @Inject(POSTGRES_POOL) private readonly pool: Pool,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    // One statement, under a lock: api, projector and worker start at once on a new database,
    // and CREATE ... IF NOT EXISTS is not safe against itself running concurrently.
    await this.pool.query(`
      DO $$ BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('frontline.privacy.migrate'));
        CREATE SCHEMA IF NOT EXISTS privacy;
        CREATE TABLE IF NOT EXISTS privacy.data_keys (
          subject_id text PRIMARY KEY,
          data_key bytea NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE IF NOT EXISTS privacy.erased_subjects (
          subject_id text PRIMARY KEY,
          erased_at timestamptz NOT NULL DEFAULT now()
        );
      END $$;`);
  }

  /** `pd1.<subject>.<iv|tag|ciphertext in base64url>`; the subject's key is made on first use. */
  async encrypt(subjectId: string, plaintext: string): Promise<string> {
    const key = await this.keyFor(subjectId);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(subjectId));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${PREFIX}.${subjectId}.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url')}`;
  }

  /** The plaintext, or ERASED when the subject's key is gone. */
  async decrypt(value: string): Promise<string> {
    return (await this.decryptAll([value]))[0];
  }

  /** Each value's plaintext, or ERASED; the keys of every subject come in one query, so a page costs one round trip. */
  async decryptAll(values: readonly string[]): Promise<string[]> {
    const sealed = values.map((value) => {
      const [prefix, subjectId, payload] = value.split('.');
      if (prefix !== PREFIX || !subjectId || !payload) throw new Error('Not personal data written by this vault');
      return { subjectId, bytes: Buffer.from(payload, 'base64url') };
    });
    if (sealed.length === 0) return [];
    const { rows } = await this.pool.query<{ subject_id: string; data_key: Buffer }>({
      name: 'privacy.keys-of',
      text: 'SELECT subject_id, data_key FROM privacy.data_keys WHERE subject_id = ANY($1)',
      values: [[...new Set(sealed.map(({ subjectId }) => subjectId))]],
    });
    const keys = new Map(rows.map((row) => [row.subject_id, row.data_key]));
    return sealed.map(({ subjectId, bytes }) => {
      const key = keys.get(subjectId);
      if (!key) return ERASED;
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAAD(Buffer.from(subjectId));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    });
  }

  /**
   * A keyed HMAC of a value, under a key derived from the subject's own data key: it tells
   * whether the value changed without storing it, and erasure makes it meaningless too.
   */
  async fingerprint(subjectId: string, value: string): Promise<string> {
    const key = hkdfSync('sha256', await this.keyFor(subjectId), subjectId, 'fingerprint', 32);
    return createHmac('sha256', Buffer.from(key)).update(value).digest('base64url').slice(0, 22);
  }

  /**
   * A stable pseudonym of a value for one purpose (a user name, an external id): the same value
   * always maps to the same pseudonym, which finds its holder; nobody without the secret can go back.
   */
  pseudonym(purpose: string, value: string): string {
    const key = hkdfSync('sha256', this.config.PSEUDONYM_SECRET, 'frontline', purpose, 32);
    return createHmac('sha256', Buffer.from(key)).update(value).digest('hex').slice(0, 40);
  }

  /** Deletes the subject's key for good; nothing written under it can be read again. */
  async erase(subjectId: string): Promise<void> {
    await this.pool.query(
      `WITH gone AS (DELETE FROM privacy.data_keys WHERE subject_id = $1)
       INSERT INTO privacy.erased_subjects (subject_id) VALUES ($1) ON CONFLICT DO NOTHING`,
      [subjectId],
    );
  }

  /**
   * A customer reference becomes a keyed HMAC pseudonym: the same customer always maps to
   * the same pseudonym, and nobody without the secret can go back.
   */
  pseudonymiseCustomer(customerRef: string): string {
    return `cust_${createHmac('sha256', this.config.PSEUDONYM_SECRET).update(normaliseCustomerRef(customerRef)).digest('hex').slice(0, 32)}`;
  }

  /**
   * The subject's key, made on first use. Most subjects have one already, so it is read
   * first: the upsert that makes a key is a write, and one per command doubled the commits.
   */
  private async keyFor(subjectId: string): Promise<Buffer> {
    const existing = await this.pool.query<{ data_key: Buffer }>({
      name: 'privacy.key-of',
      text: 'SELECT data_key FROM privacy.data_keys WHERE subject_id = $1',
      values: [subjectId],
    });
    if (existing.rows.length > 0) return existing.rows[0].data_key;
    const { rows } = await this.pool.query<{ data_key: Buffer }>({
      name: 'privacy.make-key',
      text: `INSERT INTO privacy.data_keys (subject_id, data_key)
               SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM privacy.erased_subjects WHERE subject_id = $1)
             ON CONFLICT (subject_id) DO UPDATE SET subject_id = EXCLUDED.subject_id
             RETURNING data_key`,
      values: [subjectId, randomBytes(32)],
    });
    if (rows.length === 0)
      throw new PersonalDataErasedError(`Personal data of ${subjectId} was erased; none can be written again`);
    return rows[0].data_key;
  }
}

/** Trimmed; e-mail addresses in lower case; phone numbers as their digits only. */
export function normaliseCustomerRef(customerRef: string): string {
  const trimmed = customerRef.trim();
  if (trimmed.includes('@')) return trimmed.toLowerCase();
  if (/^\+?[\d\s().-]+$/.test(trimmed)) return trimmed.replace(/\D/g, '');
  return trimmed;
}
