import { Injectable, UnauthorizedException } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { type Actor, NotEnrolledError } from './actor';
import { DirectoryAccess } from './directory-access';
import { type TokenClaims, TokenVerifier } from './token-verifier';

/**
 * Turns a bearer header into the Actor every controller, policy and handler sees: the token
 * says who someone is, the directory what they may do (roles and team), on every route.
 */
@Injectable()
export class Authentication {
  constructor(
    private readonly tokens: TokenVerifier,
    private readonly directory: DirectoryAccess,
    private readonly config: AppConfig,
  ) {}

  /** Throws UnauthorizedException (401) for a missing or bad token, NotEnrolledError (403) for someone not let in. */
  async actorFor(authorization: string | undefined): Promise<Actor> {
    const claims = await this.verify(authorization);
    const standing = await this.directory.standingOf(claims.personId);
    if (standing?.status === 'active') {
      return { personId: claims.personId, roles: standing.roles, teamId: standing.teamId };
    }
    if (standing) throw new NotEnrolledError(`${claims.personId} has left the organisation`);
    return this.unknownToDirectory(claims);
  }

  private async verify(authorization: string | undefined): Promise<TokenClaims> {
    const [scheme, token] = (authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new UnauthorizedException('A bearer token is required');
    try {
      return await this.tokens.verify(token);
    } catch {
      throw new UnauthorizedException('The bearer token is not valid');
    }
  }

  /**
   * Someone the directory has never enrolled leads no team. The configured bootstrap admin is an
   * admin until enrolled, so a fresh organisation can be set up; in dev mode, where anyone may
   * sign any token, a token's roles stand for scripts, tests and the demo; otherwise: 403.
   */
  private unknownToDirectory({ personId, roles }: TokenClaims): Actor {
    if (personId === this.config.BOOTSTRAP_ADMIN_ID) return { personId, roles: ['admin'] };
    if (this.config.AUTH_MODE === 'dev') return { personId, roles };
    throw new NotEnrolledError(`The directory does not know ${personId}`);
  }
}
