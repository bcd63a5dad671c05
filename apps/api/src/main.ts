import { AppConfig, runMain } from '@frontline/platform';
import { Logger } from 'nestjs-pino';
import { createApiApp } from './api.app';

runMain(async () => {
  const app = await createApiApp();
  const config = app.get(AppConfig);
  await app.listen({ port: config.PORT, host: config.HOST });
  const url = await app.getUrl();
  app.get(Logger).log(`api listening: ${url}/docs · ${url}/health/ready · ${url}/metrics`, 'Bootstrap');
});
