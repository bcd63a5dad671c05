import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig, type CommandContext, CommandExecutor } from '@frontline/platform';
import { SCIM_TOKEN_STREAM } from '../domain/directory.streams';
import { scimTokenDecider } from '../domain/scim-token.decider';

const hashOf = (token: string) => createHash('sha256').update(token).digest();

/**
 * The SCIM client's bearer token: stored as its hash (a random 256-bit token needs no slow hash),
 * checked on every request, so a rotation shuts the old token out at once. Until an admin first
 * rotates it, SCIM_TOKEN from the configuration is the token, so an identity provider can
 * provision a new organisation's first admins.
 */
@Injectable()
export class ScimTokens {
  private readonly configured?: Buffer;

  constructor(
    private readonly executor: CommandExecutor,
    config: AppConfig,
  ) {
    this.configured = config.SCIM_TOKEN === undefined ? undefined : hashOf(config.SCIM_TOKEN);
  }

  /** A new token, shown this once; the one before stops working. */
  async rotate(context: CommandContext): Promise<string> {
    const token = `scim_${randomBytes(32).toString('base64url')}`;
    const command = { type: 'RotateScimToken' as const, tokenHash: hashOf(token).toString('hex') };
    await this.executor.execute(SCIM_TOKEN_STREAM, scimTokenDecider, command, context);
    return token;
  }

  async accepts(token: string): Promise<boolean> {
    const { state } = await this.executor.load(SCIM_TOKEN_STREAM, scimTokenDecider);
    const expected = state.status === 'issued' ? Buffer.from(state.tokenHash, 'hex') : this.configured;
    return expected !== undefined && timingSafeEqual(hashOf(token), expected);
  }
}
