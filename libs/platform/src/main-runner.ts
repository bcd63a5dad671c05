import { ConfigError, loadConfig } from './config/app-config';
import { guardUnhandledRejections } from './process-guard';
import { QueueRedisPolicyError } from './queues/queue-redis';

/**
 * Runs an app's start-up. Configuration is checked first, so a bad variable stops the
 * process at once with a message that names it; any other start-up failure exits non-zero.
 * Once started, an unhandled rejection is logged and fails readiness rather than ending the process.
 */
export function runMain(start: () => Promise<void>): void {
  const fail = (error: unknown) => {
    // Errors that explain themselves are printed as they are; anything else with its stack.
    const plain = error instanceof ConfigError || error instanceof QueueRedisPolicyError;
    process.stderr.write(`${plain ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`);
    process.exit(1);
  };
  try {
    loadConfig();
  } catch (error) {
    return fail(error);
  }
  guardUnhandledRejections();
  start().catch(fail);
}
