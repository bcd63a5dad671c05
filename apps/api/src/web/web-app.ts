import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@frontline/platform';

/** Paths the api's own routes answer: an unknown one there stays the api's 404, never the app. */
const OWNED = /^\/(v1|docs|health|metrics|queues|scim)(\/|\?|$)/;
/** A request for a file (`/assets/x.js`, `/favicon.ico`) that is not there is a 404, not the app. */
const FILE = /\/[^/?]+\.[a-z0-9]+(\?|$)/i;

/** What the browser app reads before it starts: where and how to sign in. */
export interface WebAppConfig {
  authMode: 'dev' | 'oidc';
  issuer: string | null;
  clientId: string;
  audience: string | null;
  scope: string;
}

export const webAppConfig = (config: AppConfig): WebAppConfig => ({
  authMode: config.AUTH_MODE,
  issuer: config.OIDC_ISSUER ?? null,
  clientId: config.OIDC_WEB_CLIENT_ID,
  audience: config.OIDC_AUDIENCE ?? null,
  scope: config.OIDC_WEB_SCOPE,
});

/** `npm run build` writes the browser app to dist/web, found from the api's source (tests) or its build. */
export function webRoot(): string | undefined {
  return [join(__dirname, '../../../../dist/web'), join(__dirname, '../../../../web')].find((dir) =>
    existsSync(join(dir, 'index.html')),
  );
}

/** The app's pages run only their own scripts, and talk to this api and the OpenID Provider only. */
export function contentSecurityPolicy(issuer: string | null): string {
  const provider = issuer ? ` ${new URL(issuer).origin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    // react-aria positions popovers with style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self'${provider}`,
    `form-action 'self'${provider}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

function secure(set: (name: string, value: string) => unknown, csp: string): void {
  const headers: Record<string, string> = {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  };
  for (const [name, value] of Object.entries(headers)) set(name, value);
}

/**
 * Serves the built browser app at `/`: its files, `/app-config.json`, and index.html for any other
 * page the app routes itself. Without a build (an api spec) the api serves no app.
 */
export function serveWebApp(app: NestFastifyApplication): void {
  const config = webAppConfig(app.get(AppConfig));
  const csp = contentSecurityPolicy(config.issuer);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/app-config.json', (_, reply) => {
    void reply.header('cache-control', 'no-store').send(config);
  });
  const root = webRoot();
  if (!root) return;
  void app.register(fastifyStatic, {
    root,
    // One route per file built, so an unknown path reaches the fallback below, not a 404 from here.
    wildcard: false,
    index: false,
    setHeaders: (reply, path) => {
      secure((name, value) => reply.header(name, value), csp);
      // Vite names assets by their content: cached for good; anything else is revalidated.
      reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  fastify.get('/*', (request, reply) => {
    if (OWNED.test(request.url) || FILE.test(request.url)) return reply.callNotFound();
    secure((name, value) => reply.header(name, value), csp);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  fastify.get('/', (_, reply) => {
    secure((name, value) => reply.header(name, value), csp);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
