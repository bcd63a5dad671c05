import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { type AppConfig, Metrics, loadConfig } from '@frontline/platform';
import { ApiModule } from './api.module';
import { describeProblems } from './openapi';
import { protectQueuesBoard } from './ops/queues-board';

export const BODY_LIMIT_BYTES = 64 * 1024;
/** Bulk imports (5,000 contact-volume rows) are the one place a larger body is expected. */
const BULK_ROUTES: Record<string, number> = { 'PUT /v1/contact-volumes': 1024 * 1024 };

/** The api as main.ts serves it and as the end-to-end specs drive it. */
export async function createApiApp(config: AppConfig = loadConfig()): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, genReqId: () => randomUUID() });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), adapter, {
    bufferLogs: true,
  });
  return configureApiApp(app);
}

function configureApiApp(app: NestFastifyApplication): NestFastifyApplication {
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      route.bodyLimit = BULK_ROUTES[`${method} ${route.url}`] ?? route.bodyLimit;
  });
  protectQueuesBoard(app);
  const metrics = app.get(Metrics);
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1_000);
  });

  const document = describeProblems(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Frontline')
        .setDescription('Wellbeing and recognition of contact-centre agents')
        .setVersion('1')
        .addBearerAuth()
        .build(),
    ),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
