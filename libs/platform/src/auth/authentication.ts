import { Injectable, UnauthorizedException } from '@nestjs/common';
import { v5 as uuidV5 } from 'uuid';
import { AppConfig } from '../config/app-config';
import { type Actor, NotEnrolledError } from './actor';
import { DirectoryAccess, type PersonStanding } from './directory-access';
import { type TokenClaims, TokenVerifier } from './token-verifier';

// Namespace of the person id the bootstrap admin acts under before the directory knows them.
const BOOTSTRAP_IDS = '0d7c7f3e-9b7a-5e0f-8c44-6f1b2a3c4d5e';

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
    const standing = await this.standingOf(claims);
    if (standing?.status === 'active') {
      return { personId: standing.personId, roles: standing.roles, teamId: standing.teamId };
    }
    if (standing) throw new NotEnrolledError(`${standing.personId} has left the organisation`);
    return this.unknownToDirectory(claims);
  }

  /** The directory finds whom a provider's identity is linked to; a token the api signed names the person id itself. */
  private async standingOf({ identity, signedHere }: TokenClaims): Promise<PersonStanding | undefined> {
    if (!signedHere) return this.directory.standingOfIdentity(identity);
    const standing = await this.directory.standingOf(identity);
    return standing && { ...standing, personId: identity };
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
   * admin until enrolled, so a fresh organisation can be set up; in development, where anyone may
   * have the api sign any token, its roles stand for scripts, tests and the demo; otherwise: 403.
   */
  private unknownToDirectory({ identity, roles, signedHere }: TokenClaims): Actor {
    if (identity === this.config.BOOTSTRAP_ADMIN_ID) {
      // An identity may be an e-mail address: it is never an id written into events.
      return { personId: signedHere ? identity : uuidV5(identity, BOOTSTRAP_IDS), roles: ['admin'] };
    }
    if (signedHere) return { personId: identity, roles };
    throw new NotEnrolledError('The directory does not know you: ask your administrator to enrol you');
  }
}
