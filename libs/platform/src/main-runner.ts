import { ConfigError, loadConfig } from './config/app-config';

/**
 * Runs an app's start-up. Configuration is checked first, so a bad variable stops the
 * process at once with a message that names it; any other start-up failure exits non-zero.
 */
export function runMain(start: () => Promise<void>): void {
  const fail = (error: unknown) => {
    process.stderr.write(
      `${error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error))}\n`,
    );
    process.exit(1);
  };
  try {
    loadConfig();
  } catch (error) {
    return fail(error);
  }
  start().catch(fail);
}
