import { plainToInstance, Transform } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  NotEquals,
  ValidateIf,
  validateSync,
} from 'class-validator';

const DEV_PSEUDONYM_SECRET = 'local-development-only-pseudonym-secret';
const DEV_API_MAC_SECRET = 'local-development-only-api-mac-secret-0000';
const DEV_SCIM_TOKEN = 'local-development-only-scim-token-00000000';
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
const LOOPBACK_ISSUER = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/;
/** In production the local secrets would let anyone forge cursors and reverse pseudonyms. */
const needsOwnSecrets = (config: AppConfig) => config.FRONTLINE_ENV === 'production';
const urlOf = (...protocols: string[]) => IsUrl({ protocols, require_tld: false, require_protocol: true });

/**
 * Every setting the apps read, with its local default. Validated once at boot;
 * a bad value stops the process with a message that names the variable.
 */
export class AppConfig {
  @IsIn(['postgres', 'kurrentdb', 'memory'])
  EVENT_STORE: 'postgres' | 'kurrentdb' | 'memory' = 'postgres';

  @urlOf('postgres', 'postgresql')
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/frontline';

  @ValidateIf((config: AppConfig) => config.EVENT_STORE === 'kurrentdb')
  @Matches(/^(kurrentdb|esdb|kdb)(\+discover)?:\/\/\S+$/, {
    message: 'KURRENTDB_URL must be a kurrentdb:// connection string',
  })
  // With it the client answers a conflicting append as a success carrying a wrong revision.
  @Matches(/^(?!.*[?&]throwOnAppendFailure=false(&|$))/i, {
    message: 'KURRENTDB_URL must not set throwOnAppendFailure=false: a conflicting append must fail',
  })
  KURRENTDB_URL?: string;

  /** How long an append to KurrentDB may take before the command answers 503; the client alone may wait forever. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  KURRENTDB_APPEND_TIMEOUT_MS = 10_000;

  /** How long a read of a stream or of the log from KurrentDB may take before it fails as unavailable. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  KURRENTDB_READ_TIMEOUT_MS = 10_000;

  @urlOf('redis', 'rediss')
  REDIS_URL = 'redis://127.0.0.1:6379/0';

  /**
   * Seed nodes of a Redis Cluster that holds the read models instead of REDIS_URL: comma-separated
   * `redis://` (or `rediss://`) URLs of database 0; the first one's user, password and TLS go to every node.
   */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((node) => node.trim()) : value))
  @ArrayNotEmpty()
  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true }, { each: true })
  @Matches(/^rediss?:\/\/[^/?#]+\/?0?$/, {
    each: true,
    message: 'REDIS_CLUSTER_NODES must list redis://host:port URLs of database 0, comma-separated',
  })
  REDIS_CLUSTER_NODES?: string[];

  @urlOf('redis', 'rediss')
  QUEUE_REDIS_URL = 'redis://127.0.0.1:6379/1';

  /** Lets test runs and a local default share one Redis without seeing each other's keys. */
  @Matches(/^[\w:.-]{1,64}$/)
  REDIS_KEY_PREFIX = 'frontline:';

  /**
   * `development` (the default) lets the api run with the local secrets, sign its own tokens
   * (`POST /v1/dev/tokens`, beside the OpenID Provider's), take backdated writes, and lets the
   * development OpenID Provider start; it trusts only a provider on this machine. `production`
   * allows none of it.
   */
  @IsIn(['development', 'production'])
  FRONTLINE_ENV: 'development' | 'production' = 'development';

  /** `oidc`: tokens from the organisation's OpenID Provider; `dev`: tokens the api signs itself, for tests and scripts. */
  @IsIn(['dev', 'oidc'])
  AUTH_MODE: 'dev' | 'oidc' = 'dev';

  /** The OpenID Provider; its discovery document and keys are read from `<issuer>/.well-known/openid-configuration`. */
  @ValidateIf((config: AppConfig) => config.AUTH_MODE === 'oidc')
  @urlOf('https', 'http')
  OIDC_ISSUER?: string;

  /** The audience the provider puts in the access tokens it issues for this api (Entra: the app id URI). */
  @ValidateIf((config: AppConfig) => config.AUTH_MODE === 'oidc')
  @IsString()
  @MinLength(1)
  OIDC_AUDIENCE?: string;

  /** The browser app's client at the provider: public, Authorization Code with PKCE (served to it at /app-config.json). */
  @IsString()
  @Matches(/^[\w.:/-]{1,200}$/)
  OIDC_WEB_CLIENT_ID = 'frontline-web';

  /** The scopes the browser app asks for; the access token they give must be for OIDC_AUDIENCE. */
  @IsString()
  @Matches(/^[\w.:/ -]{1,500}$/)
  OIDC_WEB_SCOPE = 'openid profile';

  /** The token claim that says who someone is: any string, matched against the directory. */
  @IsIn(['sub', 'email', 'oid', 'preferred_username'])
  OIDC_IDENTITY_CLAIM: 'sub' | 'email' | 'oid' | 'preferred_username' = 'sub';

  /** What the identity claim is compared with: the person's user name (SCIM `userName`) or their `externalId`. */
  @IsIn(['userName', 'externalId'])
  OIDC_IDENTITY_MATCHES: 'userName' | 'externalId' = 'userName';

  /** Which signature algorithms a token may use: asymmetric ones only, never `none` or a shared secret. */
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((alg) => alg.trim()) : value))
  @IsIn(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'], { each: true })
  OIDC_ALGORITHMS: string[] = ['RS256', 'PS256', 'ES256', 'EdDSA'];

  /**
   * The identity (the token's identity claim; its `sub` in AUTH_MODE=dev) who is an admin while
   * the directory does not know them: how the first admin sets up the organisation (enrol them as
   * an admin to keep it).
   */
  @IsOptional()
  @IsString()
  @MinLength(1)
  BOOTSTRAP_ADMIN_ID?: string;

  /**
   * The SCIM client's bearer token until an admin first rotates it (POST /v1/directory/scim-token):
   * how an identity provider provisions a new organisation. Development has a local one.
   */
  @IsOptional()
  @ValidateIf(needsOwnSecrets)
  @NotEquals(DEV_SCIM_TOKEN, { message: 'SCIM_TOKEN must be a secret of your own outside local development' })
  @MinLength(32)
  SCIM_TOKEN?: string;

  /**
   * Which SCIM groups carry which role: `display name=role` pairs, comma-separated. A person in
   * none is an agent.
   */
  @Matches(
    /^[^=,]{1,100}=(agent|team_lead|wellbeing_officer|hr|admin)(,[^=,]{1,100}=(agent|team_lead|wellbeing_officer|hr|admin))*$/,
    {
      message: 'SCIM_ROLE_GROUPS must be "Group name=role" pairs separated by commas',
    },
  )
  SCIM_ROLE_GROUPS =
    'Frontline agents=agent,Frontline team leads=team_lead,Frontline wellbeing officers=wellbeing_officer,Frontline HR=hr,Frontline admins=admin';

  @Transform(toInt)
  @IsInt()
  @Min(2)
  PRIVACY_MIN_GROUP = 5;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65_535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  HOST = '127.0.0.1';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Keys the HMACs that pseudonymise customer references and identities; must be set outside local development. */
  @ValidateIf(needsOwnSecrets)
  @NotEquals(DEV_PSEUDONYM_SECRET, {
    message: 'PSEUDONYM_SECRET must be a secret of your own outside local development',
  })
  @MinLength(32)
  PSEUDONYM_SECRET: string = DEV_PSEUDONYM_SECRET;

  /**
   * Keys the MACs on what the api hands out or remembers: page cursors and Idempotency-Key
   * records. Shared by every api instance; must be set outside local development.
   */
  @ValidateIf(needsOwnSecrets)
  @NotEquals(DEV_API_MAC_SECRET, { message: 'API_MAC_SECRET must be a secret of your own outside local development' })
  @MinLength(32)
  API_MAC_SECRET: string = DEV_API_MAC_SECRET;

  /** Writes a person may make per minute before 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WRITE_RATE_LIMIT_PER_MINUTE = 300;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  KUDOS_DAILY_ALLOWANCE = 20;

  /** How long a serious incident may wait for an acknowledgement before the wellbeing officer is called in. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  CARE_ACK_SLA_MS = 4 * 60 * 60 * 1000;

  /** When the agent gets a check-in after a serious incident. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  CARE_CHECK_IN_MS = 24 * 60 * 60 * 1000;

  /** How often a live stream writes a comment, so proxies keep it open and clients notice a dead one. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  LIVE_HEARTBEAT_MS = 15_000;

  /** Live streams one person may hold open on one api instance: a few browser tabs and a phone. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  LIVE_STREAMS_PER_PERSON = 5;

  /** Distinct agents reporting the same customer within 90 days that make a repeat-abuser match. */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  MATCH_MIN_AGENTS = 2;

  /** Lets webhooks reach private, loopback and link-local addresses: for tests and closed networks only. */
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE = false;

  /** How long a rotated-out webhook secret keeps signing beside the new one. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  WEBHOOK_SECRET_OVERLAP_MS = 24 * 60 * 60 * 1000;

  /** The first retry delay of a failed webhook delivery; each later one doubles it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WEBHOOK_RETRY_DELAY_MS = 30_000;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the settings from the environment; unset and empty variables take their defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const given = Object.fromEntries(
    Object.keys(new AppConfig())
      .concat([
        'KURRENTDB_URL',
        'REDIS_CLUSTER_NODES',
        'OIDC_ISSUER',
        'OIDC_AUDIENCE',
        'BOOTSTRAP_ADMIN_ID',
        'SCIM_TOKEN',
      ])
      .filter((name) => env[name] !== undefined && env[name] !== '')
      .map((name) => [name, env[name]]),
  );
  const config = plainToInstance(AppConfig, given, { exposeDefaultValues: true });
  // Development comes with a SCIM token of its own, as with its other local secrets.
  if (config.SCIM_TOKEN === undefined && config.FRONTLINE_ENV === 'development') config.SCIM_TOKEN = DEV_SCIM_TOKEN;
  // Values are left out of the message: a URL can carry a password.
  const problems = validateSync(config).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(error.property) ? message : `${error.property}: ${message}`,
    ),
  );
  if (config.FRONTLINE_ENV === 'production' && config.AUTH_MODE === 'dev')
    problems.push('AUTH_MODE: dev is for development only; use oidc in FRONTLINE_ENV=production');
  // Development signs anyone's tokens: with the organisation's own provider it would let anyone in.
  if (
    config.FRONTLINE_ENV === 'development' &&
    config.AUTH_MODE === 'oidc' &&
    !LOOPBACK_ISSUER.test(config.OIDC_ISSUER ?? '')
  )
    problems.push('FRONTLINE_ENV: an OpenID Provider beyond this machine needs FRONTLINE_ENV=production');
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
