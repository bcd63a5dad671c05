import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  type CryptoKey,
  type JWTVerifyGetKey,
  SignJWT,
  createRemoteJWKSet,
  decodeJwt,
  exportJWK,
  generateKeyPair,
  jwtVerify,
} from 'jose';
import { AppConfig } from '../config/app-config';
import { type Actor, type Role, isRole } from './actor';

const DEV_ISSUER = 'frontline-dev';
const DEV_AUDIENCE = 'frontline';
const DEV_ALGORITHM = 'ES256';
const DISCOVERY_TIMEOUT_MS = 5_000;

// A verified token is taken on trust this long at most (never past its expiry), so one whose
// key leaves the JWKS stops working within a minute; ES256 verification is the dearest step of
// an authenticated request, and a client sends the same token again and again.
const TRUSTED_FOR_MS = 60_000;
const TRUSTED_TOKENS = 10_000;

export class InvalidTokenError extends Error {}

/**
 * What a verified token says: who someone is (`identity`: the OpenID Provider's identity claim,
 * or the person id in `sub` of a token the api signed itself), and the roles it claims, which
 * count only in development, for a person the directory does not know (see Authentication).
 */
export interface TokenClaims {
  identity: string;
  roles: readonly Role[];
  /** Signed by this api (development only): `identity` is a person id, not an identity to look up. */
  signedHere: boolean;
}

interface Verification {
  key: JWTVerifyGetKey | CryptoKey;
  issuer: string;
  audience: string;
  algorithms: string[];
  claim: string;
}

/**
 * Verifies bearer tokens with jose: in `oidc` mode against the keys the OpenID Provider
 * publishes (found through its discovery document); in development also against a key pair
 * made at start, with which the api signs tokens for scripts and tests.
 */
@Injectable()
export class TokenVerifier implements OnModuleInit {
  private verification?: Promise<Verification>;
  private dev?: Verification;
  private devSigningKey?: CryptoKey;
  private readonly trusted = new Map<string, { claims: TokenClaims; until: number }>();

  constructor(private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    if (this.config.FRONTLINE_ENV !== 'development') return;
    const { privateKey, publicKey } = await generateKeyPair(DEV_ALGORITHM);
    this.devSigningKey = privateKey;
    this.dev = {
      key: publicKey,
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      algorithms: [DEV_ALGORITHM],
      claim: 'sub',
    };
  }

  async verify(token: string): Promise<TokenClaims> {
    const trusted = this.trusted.get(token);
    if (trusted && trusted.until > Date.now()) return trusted.claims;
    // The issuer only picks the keys: the token is then verified against them, issuer included.
    const signedHere = this.config.AUTH_MODE === 'dev' || (this.dev !== undefined && issuerOf(token) === DEV_ISSUER);
    const { key, claim, ...expected } = signedHere ? this.devVerification() : await this.verifyingWith();
    try {
      const { payload } = await jwtVerify(token, key as JWTVerifyGetKey, {
        ...expected,
        requiredClaims: [claim, 'exp'],
      });
      const identity = payload[claim];
      if (typeof identity !== 'string' || identity === '') throw new Error(`The ${claim} claim is not a string`);
      const roles = signedHere && Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
      return this.trust(token, { identity, roles, signedHere }, payload.exp! * 1_000);
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
  }

  private devVerification(): Verification {
    if (!this.dev) throw new InvalidTokenError('Tokens signed by the api are accepted in development only');
    return this.dev;
  }

  /** The provider is asked once, when the first token comes, and again only if that failed: the api starts without it. */
  private verifyingWith(): Promise<Verification> {
    this.verification ??= this.discover().catch((error: Error) => {
      this.verification = undefined;
      throw new InvalidTokenError(`The OpenID Provider could not be reached: ${error.message}`);
    });
    return this.verification;
  }

  private async discover(): Promise<Verification> {
    const issuer = this.config.OIDC_ISSUER!;
    const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(url, { signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    const discovery = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    // OpenID Connect Discovery 1.0, section 4.3: the issuer it names must be exactly the one asked.
    if (discovery.issuer !== issuer) throw new Error(`The discovery document names another issuer`);
    if (typeof discovery.jwks_uri !== 'string') throw new Error('The discovery document has no jwks_uri');
    return {
      key: createRemoteJWKSet(new URL(discovery.jwks_uri)),
      issuer,
      audience: this.config.OIDC_AUDIENCE!,
      // Asymmetric algorithms only: a JWKS never holds a shared secret, and `none` is never accepted.
      algorithms: this.config.OIDC_ALGORITHMS,
      claim: this.config.OIDC_IDENTITY_CLAIM,
    };
  }

  private trust(token: string, claims: TokenClaims, expiresAt: number): TokenClaims {
    if (this.trusted.size >= TRUSTED_TOKENS) this.trusted.delete(this.trusted.keys().next().value!);
    const frozen = Object.freeze({ ...claims, roles: Object.freeze([...claims.roles]) });
    this.trusted.set(token, { claims: frozen, until: Math.min(expiresAt, Date.now() + TRUSTED_FOR_MS) });
    return frozen;
  }

  /** Dev mode only: a token for anyone, for local use and tests. */
  async signDevToken(actor: Actor, expiresIn = '12h'): Promise<string> {
    if (!this.devSigningKey) throw new Error('Tokens are signed here only in FRONTLINE_ENV=development');
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
    return exportJWK(this.devVerification().key as CryptoKey);
  }
}

function issuerOf(token: string): string | undefined {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined;
  }
}
