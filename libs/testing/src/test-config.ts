import { randomBytes } from 'node:crypto';
import { AppConfig, loadConfig } from '@frontline/platform';
import { Redis } from 'ioredis';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

/** Settings for one test file: its own database and its own Redis key prefix. */
export function testEnvironment(databaseUrl: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: `test:${randomBytes(4).toString('hex')}:`,
    LOG_LEVEL: 'silent',
    ...overrides,
  };
}

export function testConfig(databaseUrl: string, overrides: Record<string, string> = {}): AppConfig {
  return loadConfig(testEnvironment(databaseUrl, overrides));
}

/** Deletes every key under a test's prefix. */
export async function deleteRedisKeys(prefix: string, url = TEST_REDIS_URL): Promise<void> {
  const redis = new Redis(url);
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 500 })) {
      if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
    }
  } finally {
    await redis.quit();
  }
}
