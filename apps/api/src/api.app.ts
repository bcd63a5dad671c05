import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Logger, PinoLogger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import {
  AppConfig,
  JsonTooDeepException,
  acceptAsOf,
  MAX_JSON_DEPTH,
  Metrics,
  loadConfig,
  nestsDeeperThan,
} from '@frontline/platform';
import { ApiModule } from './api.module';
import { openApiDocument } from './openapi';
import { protectQueuesBoard } from './ops/queues-board';
import { serveWebApp } from './web/web-app';

export const BODY_LIMIT_BYTES = 64 * 1024;
/** Bulk imports (5,000 rows) and an identity provider's group changes are where larger bodies are expected. */
const BULK_ROUTES: Record<string, number> = {
  'PUT /v1/contact-volumes': 1024 * 1024,
  // An identity provider changes up to 1,000 members of a group at once.
  'PATCH /scim/v2/Groups/:id': 1024 * 1024,
  'PUT /scim/v2/Groups/:id': 1024 * 1024,
  'POST /scim/v2/Groups': 1024 * 1024,
  'POST /v1/directory/imports': 1024 * 1024,
};

/** The api as main.ts serves it and as the end-to-end specs drive it. */
export async function createApiApp(config: AppConfig = loadConfig()): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, genReqId: () => randomUUID() });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), adapter, {
    bufferLogs: true,
    // JSON is the only body the api takes, parsed by refuseDeepJson below.
    bodyParser: false,
  });
  return configureApiApp(app);
}

/** Health checks and scrapes come every few seconds and tell nothing: counted in the metrics, not logged. */
const UNLOGGED_ROUTES = /^\/(health|metrics)/;

/**
 * Every response is counted in the metrics and logged (at info, with its request id). One
 * synchronous hook does both: at LOG_LEVEL=warn the log costs one level check per request.
 */
function observeResponses(app: NestFastifyApplication): void {
  const metrics = app.get(Metrics);
  const log = PinoLogger.root;
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? 'unmatched';
      metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1_000);
      if (log.isLevelEnabled('info') && !UNLOGGED_ROUTES.test(route)) {
        // pino-http's serializers and redaction shape these, as they did for its own lines.
        const req = requestToLog(route, request);
        const fields = { reqId: request.id, req, res: reply.raw, responseTime: reply.elapsedTime };
        log.info(fields, 'request completed');
      }
      done();
    });
}

/**
 * A SCIM filter names a person (`userName eq "ana@…"`): the query of a SCIM request never reaches
 * the log. A wall token opens a wall to whoever holds it: wherever it is in a query, the log shows
 * `token=[Redacted]`.
 */
const TOKEN_PARAM = /(^|&)(token)=[^&]*/gi;

export function requestToLog(route: string, request: Pick<FastifyRequest, 'method' | 'url' | 'raw'>) {
  const [path, query] = request.url.split('?');
  if (route.startsWith('/scim/')) return { method: request.method, url: path };
  const redacted = query?.replace(TOKEN_PARAM, '$1$2=[Redacted]');
  return redacted === query ? request.raw : { method: request.method, url: `${path}?${redacted}` };
}

/** JSON bodies are measured before they are parsed: validation recurses, and deep nesting would overflow its stack. */
function refuseDeepJson(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  // SCIM clients send application/scim+json (RFC 7644, section 3.1): JSON, parsed the same way.
  fastify.addContentTypeParser(
    ['application/json', 'application/scim+json'],
    { parseAs: 'string' },
    (request, body, done) => {
      const text = body as string;
      if (nestsDeeperThan(text, MAX_JSON_DEPTH)) done(new JsonTooDeepException(), undefined);
      else parse(request, text, done);
    },
  );
  // The directory import's one body that is not JSON, checked by the import itself.
  fastify.addContentTypeParser('text/csv', { parseAs: 'string' }, (_, body, done) => done(null, body));
}

function configureApiApp(app: NestFastifyApplication): NestFastifyApplication {
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      route.bodyLimit = BULK_ROUTES[`${method} ${route.url}`] ?? route.bodyLimit;
  });
  refuseDeepJson(app);
  if (app.get(AppConfig).FRONTLINE_ENV === 'development') acceptAsOf(fastify);
  protectQueuesBoard(app);
  observeResponses(app);
  serveWebApp(app);

  SwaggerModule.setup('docs', app, openApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  return app;
}
