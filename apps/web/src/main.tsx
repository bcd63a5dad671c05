import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTokens } from './api/client';
import { ProblemError } from './api/problem';
import { loadAppConfig } from './app/app-config';
import { loadMe } from './app/me';
import { createAppRouter } from './app/router';
import { Session } from './auth/session';
import { i18n, startI18n } from './i18n/i18n';
import './app/app.css';

const root = createRoot(document.getElementById('root')!);

/** Before any page: the language, the sign-in (or its return), then who the person is. */
async function start(): Promise<void> {
  await startI18n();
  // The kudos wall is for a screen that cannot sign in: it opens with its own token (wall/).
  if (location.pathname === '/wall') return (await import('./wall/start-wall')).startWall(root);
  const session = new Session(await loadAppConfig());
  if (!(await session.start())) return;
  useTokens(session);
  const me = await loadMe();
  const queryClient = new QueryClient({
    defaultOptions: {
      // A refused request is not retried; a lost connection is, a little.
      queries: { retry: (count, error) => count < 2 && error instanceof ProblemError && error.problem.status === 0 },
    },
  });
  const router = createAppRouter({ queryClient, session, me });
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
}

start().catch((error: unknown) => {
  const message = error instanceof ProblemError ? (error.problem.detail ?? error.problem.title) : String(error);
  root.render(
    <main id="main" className="page">
      <h1>{i18n.t('startFailed.title')}</h1>
      <p role="alert">{message}</p>
      <button type="button" className="button" onClick={() => location.reload()}>
        {i18n.t('problems.retry')}
      </button>
    </main>,
  );
});
