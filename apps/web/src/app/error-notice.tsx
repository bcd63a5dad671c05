import type { ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ProblemError, problemMessage } from '../api/problem';

/** What went wrong, in the user's language: never a blank screen. */
export function useProblemMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) =>
    error instanceof ProblemError ? problemMessage(error.problem, t, (key) => i18n.exists(key)) : t('problems.unknown');
}

export function ProblemNotice({ error }: { error: unknown }) {
  const message = useProblemMessage();
  return (
    <p role="alert" className="notice notice-error">
      <span aria-hidden="true">⚠ </span>
      {message(error)}
    </p>
  );
}

export function ErrorNotice({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t('problems.heading')}</h1>
      <ProblemNotice error={error} />
      <button type="button" className="button" onClick={reset}>
        {t('problems.retry')}
      </button>
    </section>
  );
}
