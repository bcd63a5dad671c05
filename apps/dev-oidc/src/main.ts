import { NestFactory } from '@nestjs/core';
import { loadConfig, runMain } from '@frontline/platform';
import { Logger } from 'nestjs-pino';
import { createDevProvider, serveDevProvider } from './dev-provider';
import { DevOidcModule } from './dev-oidc.module';
import { SignInAccounts } from './sign-in-accounts';

const LOOPBACK = /^http:\/\/127\.0\.0\.1:(\d+)$/;

/**
 * Where the browser app (served by the api, or by `vite` while developing it) and the api docs come back
 * to after signing in, unless DEV_OIDC_REDIRECT_URIS says otherwise. The provider answers the app's
 * token requests (CORS) only from these origins.
 */
const REDIRECT_URIS = [
  'http://127.0.0.1:3000/callback',
  'http://127.0.0.1:5173/callback',
  'http://127.0.0.1:3000/docs/oauth2-redirect.html',
].join(',');

// The development OpenID Provider of `npm start`: it signs anyone in as anyone, so it starts on this machine only.
runMain(async () => {
  const config = loadConfig();
  if (config.FRONTLINE_ENV !== 'development')
    throw new Error('The development OpenID Provider runs only with FRONTLINE_ENV=development');
  const port = LOOPBACK.exec(config.OIDC_ISSUER ?? '')?.[1];
  if (config.AUTH_MODE !== 'oidc' || !port || !config.OIDC_AUDIENCE)
    throw new Error(
      'Set AUTH_MODE=oidc, OIDC_ISSUER=http://127.0.0.1:<port> and OIDC_AUDIENCE for the development provider',
    );

  const app = await NestFactory.createApplicationContext(DevOidcModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.init();
  const accounts = app.get(SignInAccounts);
  const provider = await createDevProvider(accounts, {
    issuer: config.OIDC_ISSUER!,
    audience: config.OIDC_AUDIENCE,
    redirectUris: (process.env.DEV_OIDC_REDIRECT_URIS ?? REDIRECT_URIS).split(','),
    identityClaim: config.OIDC_IDENTITY_CLAIM,
  });
  const server = serveDevProvider(provider, accounts);
  await new Promise<void>((resolve) => server.listen(Number(port), '127.0.0.1', resolve));
  app
    .get(Logger)
    .log(`development OpenID Provider: ${config.OIDC_ISSUER}/.well-known/openid-configuration`, 'Bootstrap');
  const close = () => {
    server.closeAllConnections();
    server.close(() => void app.close().then(() => process.exit(0)));
  };
  process.once('SIGTERM', close).once('SIGINT', close);
});
