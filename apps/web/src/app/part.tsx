import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { CatchBoundary } from '@tanstack/react-router';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemNotice } from './error-notice';

/** A titled part of a page that loads on its own; a part that fails says so, the others still show. */
export function Part({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id} className="part">
      <h2 id={id}>{heading}</h2>
      <QueryErrorResetBoundary>
        {({ reset }) => (
          <CatchBoundary
            getResetKey={() => id}
            onCatch={() => undefined}
            errorComponent={({ error, reset: retry }) => (
              <div className="stack">
                <ProblemNotice error={error} />
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => {
                    reset();
                    retry();
                  }}
                >
                  {t('problems.retry')}
                </button>
              </div>
            )}
          >
            <Suspense fallback={<p role="status">{t('common.loading')}</p>}>{children}</Suspense>
          </CatchBoundary>
        )}
      </QueryErrorResetBoundary>
    </section>
  );
}
