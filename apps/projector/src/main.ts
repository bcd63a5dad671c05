import { NestFactory } from '@nestjs/core';
import { loadConfig, runMain } from '@frontline/platform';
import { Logger } from 'nestjs-pino';
import { ProjectorModule } from './projector.module';

// Its open connections keep the process alive until SIGTERM or SIGINT closes them.
runMain(async () => {
  const app = await NestFactory.createApplicationContext(ProjectorModule.forRoot(loadConfig()), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
});
