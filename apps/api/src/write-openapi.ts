import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { loadConfig } from '@frontline/platform';
import { ApiModule } from './api.module';
import { openApiDocument } from './openapi';

/**
 * Writes the OpenAPI document of the local default (every route, the dev token one too) to a
 * file, for `npm run lint` to lint. The app is built in preview mode: routes and schemas are read
 * from the controllers and no provider runs, so nothing connects to a database or Redis.
 */
async function writeOpenApi(file: string): Promise<void> {
  const app = await NestFactory.create(ApiModule.forRoot(loadConfig({})), new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(openApiDocument(app), null, 2));
  await app.close();
}

writeOpenApi(process.argv[2] ?? '.frontline/openapi.json').catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
