import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig, type CommandContext, CommandExecutor, READ_MODEL_REDIS } from '@frontline/platform';
import { SCIM_TOKEN_STREAM } from '../domain/directory.streams';
import { scimTokenDecider } from '../domain/scim-token.decider';

/** Counts rotations, on every api instance: one cheap read tells whether the token known here is still the one. */
const ROTATIONS_KEY = 'directory:scim-token:rotations';
// The counter moves after the append: should a crash fall between the two, a known token is read again this soon.
const KNOWN_FOR_MS = 5_000;

const hashOf = (token: string) => createHash('sha256').update(token).digest();

/**
 * The SCIM client's bearer token: stored as its hash (a random 256-bit token needs no slow hash),
 * checked on every request against the one the log holds, so a rotation shuts the old token out at
 * once on every instance. Until an admin first rotates it, SCIM_TOKEN from the configuration is
 * the token, so an identity provider can provision a new organisation's first admins.
 */
@Injectable()
export class ScimTokens {
  private readonly configured?: Buffer;
  private known?: { hash?: Buffer; rotations: string | null; until: number };

  constructor(
    private readonly executor: CommandExecutor,
    @Inject(READ_MODEL_REDIS) private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.configured = config.SCIM_TOKEN === undefined ? undefined : hashOf(config.SCIM_TOKEN);
  }

  /** A new token, shown this once; the one before stops working. */
  async rotate(context: CommandContext): Promise<string> {
    const token = `scim_${randomBytes(32).toString('base64url')}`;
    const command = { type: 'RotateScimToken' as const, tokenHash: hashOf(token).toString('hex') };
    await this.executor.execute(SCIM_TOKEN_STREAM, scimTokenDecider, command, context);
    await this.redis.incr(ROTATIONS_KEY);
    return token;
  }

  async accepts(token: string): Promise<boolean> {
    const expected = await this.current();
    return expected !== undefined && timingSafeEqual(hashOf(token), expected);
  }

  private async current(): Promise<Buffer | undefined> {
    // The counter is read before the stream: a rotation that lands between the two reads is read again next time.
    const rotations = await this.redis.get(ROTATIONS_KEY);
    if (this.known && this.known.rotations === rotations && this.known.until > Date.now()) return this.known.hash;
    const { state } = await this.executor.load(SCIM_TOKEN_STREAM, scimTokenDecider);
    const hash = state.status === 'issued' ? Buffer.from(state.tokenHash, 'hex') : this.configured;
    this.known = { hash, rotations, until: Date.now() + KNOWN_FOR_MS };
    return hash;
  }
}
