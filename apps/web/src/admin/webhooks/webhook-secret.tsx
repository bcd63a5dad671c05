import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

/** A webhook's secret, shown this once: with a warning that says so, and a copy button. */
export function WebhookSecret({ secret, headingId }: { secret: string; headingId: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(secret);
    setCopied(true);
  };
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('webhooks.secretTitle')}</h2>
      <p className="notice notice-error" role="alert">
        <span aria-hidden="true">⚠ </span>
        {t('webhooks.secretOnce')}
      </p>
      <code className="secret" aria-label={t('webhooks.secret')}>
        {secret}
      </code>
      <Button className="button" onPress={() => void copy()}>
        {t('webhooks.copy')}
      </Button>
      <p role="status">
        {copied && (
          <>
            <span aria-hidden="true">✓ </span>
            {t('webhooks.copied')}
          </>
        )}
      </p>
    </section>
  );
}
