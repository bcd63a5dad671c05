import '../admin.css';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { answer, api, idempotencyKey } from '../../api/client';
import { ProblemNotice } from '../../app/error-notice';
import { usePageTitle } from '../../app/page-title';
import { WebhookSecret } from './webhook-secret';

interface Registered {
  webhookId: string;
  url: string;
  eventTypes: string[];
  disabled: boolean;
}

const eventTypesOf = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((type) => type.trim())
    .filter(Boolean);

/**
 * Register a webhook (its secret shown once), rotate its secret, disable it. The api keeps no list of
 * webhooks yet, so the list is those registered here in this visit; it never holds a secret.
 */
export function WebhooksPage() {
  const { t } = useTranslation();
  const title = usePageTitle('webhooks.title');
  const [url, setUrl] = useState('');
  const [types, setTypes] = useState('');
  const [key, setKey] = useState(idempotencyKey);
  const [webhooks, setWebhooks] = useState<Registered[]>([]);
  const [secret, setSecret] = useState<{ webhookId: string; secret: string } | null>(null);
  const register = useMutation({
    mutationFn: () =>
      answer(
        api.POST('/v1/webhooks', {
          body: { url, eventTypes: eventTypesOf(types) },
          headers: { 'idempotency-key': key },
        }),
      ),
    onSuccess: (answered) => {
      setSecret(answered);
      setWebhooks((all) => [
        ...all,
        { webhookId: answered.webhookId, url, eventTypes: eventTypesOf(types), disabled: false },
      ]);
      setUrl('');
      setTypes('');
      setKey(idempotencyKey());
    },
  });
  const rotate = useMutation({
    mutationFn: (id: string) =>
      answer(
        api.POST('/v1/webhooks/{id}/rotate', {
          params: { path: { id } },
          headers: { 'idempotency-key': idempotencyKey() },
        }),
      ),
    onSuccess: setSecret,
  });
  const disable = useMutation({
    mutationFn: (id: string) =>
      answer(
        api.DELETE('/v1/webhooks/{id}', { params: { path: { id } }, headers: { 'idempotency-key': idempotencyKey() } }),
      ),
    onSuccess: (_, id) => {
      setWebhooks((all) => all.map((hook) => (hook.webhookId === id ? { ...hook, disabled: true } : hook)));
      setSecret((shown) => (shown?.webhookId === id ? null : shown));
    },
  });

  return (
    <section className="page stack">
      <h1>{title}</h1>
      {secret && <WebhookSecret secret={secret.secret} headingId="webhook-secret" />}
      <form
        className="stack card"
        aria-labelledby="register-heading"
        onSubmit={(event) => {
          event.preventDefault();
          register.mutate();
        }}
      >
        <h2 id="register-heading">{t('webhooks.register')}</h2>
        <TextField className="field" value={url} onChange={setUrl} maxLength={2048} isRequired type="url">
          <Label>{t('webhooks.url')}</Label>
          <Input />
        </TextField>
        <TextField className="field" value={types} onChange={setTypes} isRequired>
          <Label>{t('webhooks.eventTypes')}</Label>
          <Input />
          <span slot="description">{t('webhooks.eventTypesHint')}</span>
        </TextField>
        {register.isError && <ProblemNotice error={register.error} />}
        <Button type="submit" className="button" isDisabled={register.isPending}>
          {t('webhooks.registerButton')}
        </Button>
      </form>
      <section className="stack" aria-labelledby="registered-heading">
        <h2 id="registered-heading">{t('webhooks.registered')}</h2>
        <p className="hint">{t('webhooks.listHint')}</p>
        {(rotate.isError || disable.isError) && <ProblemNotice error={rotate.error ?? disable.error} />}
        <ul className="list">
          {webhooks.map((hook) => (
            <li key={hook.webhookId} className="card stack">
              <strong className="break">{hook.url}</strong>
              <span>{hook.eventTypes.join(', ')}</span>
              <span>
                <span aria-hidden="true">{hook.disabled ? '○ ' : '● '}</span>
                {t(hook.disabled ? 'webhooks.disabled' : 'webhooks.active')}
              </span>
              {!hook.disabled && (
                <div className="inline-list">
                  <Button className="button button-quiet" onPress={() => rotate.mutate(hook.webhookId)}>
                    {t('webhooks.rotate', { url: hook.url })}
                  </Button>
                  <Button className="button button-quiet button-danger" onPress={() => disable.mutate(hook.webhookId)}>
                    {t('webhooks.disable', { url: hook.url })}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
