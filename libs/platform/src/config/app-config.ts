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
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
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

  @IsIn(['dev', 'jwks'])
  AUTH_MODE: 'dev' | 'jwks' = 'dev';

  @ValidateIf((config: AppConfig) => config.AUTH_MODE === 'jwks')
  @urlOf('https', 'http')
  JWKS_URL?: string;

  @ValidateIf((config: AppConfig) => config.AUTH_MODE === 'jwks')
  @IsString()
  JWT_ISSUER?: string;

  @ValidateIf((config: AppConfig) => config.AUTH_MODE === 'jwks')
  @IsString()
  JWT_AUDIENCE?: string;

  /**
   * The token subject who is an admin while the directory does not know them: how the first
   * admin sets up the organisation (enrol them as an admin to keep it).
   */
  @IsOptional()
  @IsString()
  @MinLength(1)
  BOOTSTRAP_ADMIN_ID?: string;

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

  /** Keys the HMAC that pseudonymises customer references; must be set outside local development. */
  @ValidateIf((config: AppConfig) => config.AUTH_MODE === 'jwks')
  @NotEquals(DEV_PSEUDONYM_SECRET, { message: 'PSEUDONYM_SECRET must be a secret of your own outside AUTH_MODE=dev' })
  @MinLength(32)
  PSEUDONYM_SECRET: string = DEV_PSEUDONYM_SECRET;

  /**
   * Keys the MACs on what the api hands out or remembers: page cursors and Idempotency-Key
   * records. Shared by every api instance; must be set outside local development.
   */
  @ValidateIf((config: AppConfig) => config.AUTH_MODE === 'jwks')
  @NotEquals(DEV_API_MAC_SECRET, { message: 'API_MAC_SECRET must be a secret of your own outside AUTH_MODE=dev' })
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
      .concat(['KURRENTDB_URL', 'REDIS_CLUSTER_NODES', 'JWKS_URL', 'JWT_ISSUER', 'JWT_AUDIENCE', 'BOOTSTRAP_ADMIN_ID'])
      .filter((name) => env[name] !== undefined && env[name] !== '')
      .map((name) => [name, env[name]]),
  );
  const config = plainToInstance(AppConfig, given, { exposeDefaultValues: true });
  // Values are left out of the message: a URL can carry a password.
  const problems = validateSync(config).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(error.property) ? message : `${error.property}: ${message}`,
    ),
  );
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
