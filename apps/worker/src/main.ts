import { NestFactory } from '@nestjs/core';
import { loadConfig, queueRedis, requireNoEviction, runMain } from '@frontline/platform';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

// Its open connections keep the process alive until SIGTERM or SIGINT closes them; BullMQ workers then finish their jobs.
runMain(async () => {
  const config = loadConfig();
  const redis = queueRedis(config);
  try {
    await requireNoEviction(redis);
  } finally {
    redis.disconnect();
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
});
