import { loadConfig, readModelRedis, runMain } from '@frontline/platform';
import { ALL_PROJECTIONS } from '@frontline/projections';
import { requestRebuild } from '@frontline/read-models';

// npm run projections:rebuild -- <name>: the running projector builds the next generation, then switches to it.
runMain(async () => {
  const name = process.argv[2];
  const names = ALL_PROJECTIONS.map((projection) => projection.name);
  if (!names.includes(name)) throw new Error(`Name a projection to rebuild: ${names.join(', ')}`);
  const config = loadConfig();
  const redis = readModelRedis(config);
  const keys = await requestRebuild(redis, name);
  process.stdout.write(`Asked the projector to rebuild ${name} into ${keys.tag}; GET /v1/projections follows it.\n`);
  await redis.quit();
});
