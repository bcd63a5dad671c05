import type { ReadModelRedis } from '@frontline/platform';

/**
 * Makes a Lua script a command of this client, once. Scripts go on their own, never in an
 * auto-pipeline: in one, ioredis loses the reply of a script it had to load first. A script
 * declares the keys it touches (`numberOfKeys`, or given first on each call when omitted), all of
 * one hash tag: a Redis Cluster runs it on the node of their slot.
 */
export function defineScript(
  redis: ReadModelRedis,
  name: string,
  script: { numberOfKeys?: number; lua: string; readOnly?: boolean },
): void {
  if (name in redis) return;
  redis.defineCommand(name, script);
  redis.options.autoPipeliningIgnoredCommands = [...(redis.options.autoPipeliningIgnoredCommands ?? []), name];
}
