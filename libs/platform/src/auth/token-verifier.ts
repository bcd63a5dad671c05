import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  type CryptoKey,
  type JWTVerifyGetKey,
  SignJWT,
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  jwtVerify,
} from 'jose';
import { AppConfig } from '../config/app-config';
import { type Actor, type Role, isRole } from './actor';

const DEV_ISSUER = 'frontline-dev';
const DEV_AUDIENCE = 'frontline';
const DEV_ALGORITHM = 'ES256';
// Asymmetric algorithms only: a JWKS never holds a shared secret, and `none` is never accepted.
const JWKS_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

// A verified token is taken on trust this long at most (never past its expiry), so one whose
// key leaves the JWKS stops working within a minute; ES256 verification is the dearest step of
// an authenticated request, and a client sends the same token again and again.
const TRUSTED_FOR_MS = 60_000;
const TRUSTED_TOKENS = 10_000;

export class InvalidTokenError extends Error {}

/**
 * What a verified token says: who someone is (`sub`), and the roles it claims, which count
 * only for a person the directory does not know, in AUTH_MODE=dev (see Authentication).
 */
export interface TokenClaims {
  personId: string;
  roles: readonly Role[];
}

/**
 * Verifies bearer tokens with jose: against the OIDC provider's JWKS in `jwks` mode, or
 * against a key pair made at start in `dev` mode, which can also sign tokens.
 */
@Injectable()
export class TokenVerifier implements OnModuleInit {
  private key!: JWTVerifyGetKey | CryptoKey;
  private devSigningKey?: CryptoKey;
  private readonly trusted = new Map<string, { claims: TokenClaims; until: number }>();

  constructor(private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    if (this.config.AUTH_MODE === 'jwks') {
      this.key = createRemoteJWKSet(new URL(this.config.JWKS_URL!));
      return;
    }
    const { privateKey, publicKey } = await generateKeyPair(DEV_ALGORITHM);
    this.devSigningKey = privateKey;
    this.key = publicKey;
  }

  async verify(token: string): Promise<TokenClaims> {
    const trusted = this.trusted.get(token);
    if (trusted && trusted.until > Date.now()) return trusted.claims;
    const jwks = this.config.AUTH_MODE === 'jwks';
    try {
      const { payload } = await jwtVerify(token, this.key as JWTVerifyGetKey, {
        issuer: jwks ? this.config.JWT_ISSUER : DEV_ISSUER,
        audience: jwks ? this.config.JWT_AUDIENCE : DEV_AUDIENCE,
        algorithms: jwks ? JWKS_ALGORITHMS : [DEV_ALGORITHM],
        requiredClaims: ['sub', 'exp'],
      });
      const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
      return this.trust(token, { personId: payload.sub!, roles }, payload.exp! * 1_000);
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
  }

  private trust(token: string, claims: TokenClaims, expiresAt: number): TokenClaims {
    if (this.trusted.size >= TRUSTED_TOKENS) this.trusted.delete(this.trusted.keys().next().value!);
    const frozen = Object.freeze({ ...claims, roles: Object.freeze([...claims.roles]) });
    this.trusted.set(token, { claims: frozen, until: Math.min(expiresAt, Date.now() + TRUSTED_FOR_MS) });
    return frozen;
  }

  /** Dev mode only: a token for anyone, for local use and tests. */
  async signDevToken(actor: Actor, expiresIn = '12h'): Promise<string> {
    if (!this.devSigningKey) throw new Error('Tokens are signed here only in AUTH_MODE=dev');
    return new SignJWT({ roles: actor.roles, ...(actor.teamId ? { teamId: actor.teamId } : {}) })
      .setProtectedHeader({ alg: DEV_ALGORITHM })
      .setSubject(actor.personId)
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(this.devSigningKey);
  }

  /** The dev public key as a JWK, for tests that forge tokens to prove they are refused. */
  async devPublicJwk() {
    return exportJWK(this.key as CryptoKey);
  }
}
