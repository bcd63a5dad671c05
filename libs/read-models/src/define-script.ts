import type { Redis } from 'ioredis';

/**
 * Makes a Lua script a command of this client, once. Scripts go on their own, never in an
 * auto-pipeline: in one, ioredis loses the reply of a script it had to load first.
 */
export function defineScript(
  redis: Redis,
  name: string,
  script: { numberOfKeys: number; lua: string; readOnly?: boolean },
): void {
  if (name in redis) return;
  redis.defineCommand(name, script);
  redis.options.autoPipeliningIgnoredCommands = [...(redis.options.autoPipeliningIgnoredCommands ?? []), name];
}
