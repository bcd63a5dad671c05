import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', example: '/problems/kudos-to-self' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      description: 'Each bad field of the request',
      items: {
        type: 'object',
        properties: {
          field: { type: 'string', example: 'rows.3.contacts' },
          messages: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
};

const ERRORS: Record<
  string,
  { description: string; applies: (op: Operation, method: string, path: string) => boolean }
> = {
  '400': {
    description: 'Invalid request: `errors` names each bad field',
    applies: (op, _, path) => !!op.requestBody || path.includes('{'),
  },
  '401': { description: 'No valid bearer token', applies: (op) => !!op.security?.length },
  '403': {
    description: 'Your role, or your relation to this object, does not allow it',
    applies: (op) => !!op.security?.length,
  },
  '404': { description: 'Unknown, or not yours to see', applies: (_, __, path) => path.includes('{') },
  '409': {
    description: 'A rule of the domain says no; `type` names the rule',
    applies: (_, method) => method !== 'get',
  },
  '413': { description: 'Body over the size limit', applies: (op) => !!op.requestBody },
  '429': { description: 'Too many writes', applies: (op, method) => !!op.security?.length && method !== 'get' },
  '503': { description: 'The event store is unavailable', applies: (_, __, path) => path.startsWith('/v1/') },
};

/** The document the api serves at /docs-json, built from the app's controllers; `npm run lint` lints it. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Frontline')
    .setDescription('Wellbeing and recognition of contact-centre agents')
    .setVersion('1')
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
    .addServer('/', 'This api: paths are relative to where the document is served')
    .addBearerAuth()
    .build();
  return describeProblems(SwaggerModule.createDocument(app, config));
}

/**
 * Every operation documents the problem+json answers it can give, in one place, so the
 * document cannot drift from the one exception filter that produces them.
 */
export function describeProblems(document: OpenAPIObject): OpenAPIObject {
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA },
  };
  const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'put', 'delete'] as const) {
      const operation = item[method];
      if (!operation) continue;
      if (!Object.keys(operation.responses).some((status) => status.startsWith('2'))) {
        operation.responses[method === 'post' && !path.includes('{') ? '201' : '200'] = { description: 'Done' };
      }
      for (const [status, error] of Object.entries(ERRORS)) {
        if (!error.applies(operation, method, path)) continue;
        const given = operation.responses[status] as { description?: string } | undefined;
        operation.responses[status] = { description: given?.description ?? error.description, content: problem };
      }
    }
  }
  return document;
}
