import '../admin.css';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { answer, api, idempotencyKey } from '../../api/client';
import { ProblemNotice } from '../../app/error-notice';
import { usePageTitle } from '../../app/page-title';
import { WebhookSecret } from './webhook-secret';

const eventTypesOf = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((type) => type.trim())
    .filter(Boolean);

/** Register a webhook (its secret shown once), rotate its secret, disable it; the list never holds a secret. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const title = usePageTitle('webhooks.title');
  const queryClient = useQueryClient();
  const [url, setUrl] = useState('');
  const [types, setTypes] = useState('');
  const [key, setKey] = useState(idempotencyKey);
  // Held in memory only, until the page is left: the api never gives it again.
  const [secret, setSecret] = useState<{ webhookId: string; secret: string } | null>(null);
  const webhooks = useInfiniteQuery({
    queryKey: ['admin', 'webhooks'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      answer(api.GET('/v1/webhooks', { params: { query: { limit: 50, cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // The list is written by the worker a moment after each change.
    refetchInterval: 2_000,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'webhooks'] });
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
      setUrl('');
      setTypes('');
      setKey(idempotencyKey());
      void refresh();
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
      setSecret((shown) => (shown?.webhookId === id ? null : shown));
      void refresh();
    },
  });
  const listed = webhooks.data?.pages.flatMap((page) => page.items) ?? [];

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
        {webhooks.isError && <ProblemNotice error={webhooks.error} />}
        {rotate.isError && <ProblemNotice error={rotate.error} />}
        {disable.isError && <ProblemNotice error={disable.error} />}
        {webhooks.isSuccess && listed.length === 0 && <p>{t('webhooks.none')}</p>}
        <ul className="list">
          {listed.map((hook) => (
            <li key={hook.webhookId} className="card stack">
              <strong className="break">{hook.target}</strong>
              <span>{hook.eventTypes.join(', ')}</span>
              <span>
                <span aria-hidden="true">{hook.status === 'disabled' ? '○ ' : '● '}</span>
                {t(`webhooks.${hook.status}`)}
              </span>
              {hook.status === 'active' && (
                <div className="inline-list">
                  <Button className="button button-quiet" onPress={() => rotate.mutate(hook.webhookId)}>
                    {t('webhooks.rotate')}
                    <span className="visually-hidden">
                      {t('webhooks.which', { target: hook.target, types: hook.eventTypes.join(', ') })}
                    </span>
                  </Button>
                  <Button className="button button-quiet button-danger" onPress={() => disable.mutate(hook.webhookId)}>
                    {t('webhooks.disable')}
                    <span className="visually-hidden">
                      {t('webhooks.which', { target: hook.target, types: hook.eventTypes.join(', ') })}
                    </span>
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
        {webhooks.hasNextPage && (
          <Button className="button button-quiet" onPress={() => void webhooks.fetchNextPage()}>
            {t('webhooks.more')}
          </Button>
        )}
      </section>
    </section>
  );
}
