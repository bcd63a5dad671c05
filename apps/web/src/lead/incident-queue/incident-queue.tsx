import { useMutation, useQueryClient, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { answer, api, idempotencyKey } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { ProblemNotice } from '../../app/error-notice';
import { slaClock } from './sla-clock';

type QueuedIncident = components['schemas']['QueuedIncidentResponse'];
export type QueueStatus = NonNullable<QueuedIncident['status']>;

export const SUPPORT_KINDS = ['recovery_break', 'debrief', 'counselling', 'peer_support', 'time_off'] as const;
export const OUTCOMES = ['resolved', 'support_given', 'no_further_action', 'referred', 'other'] as const;
export const CUSTOMER_ACTIONS = [
  'warning_sent',
  'contact_blocked',
  'account_flagged',
  'reported_to_police',
  'other',
] as const;

export const queueKey = (status?: QueueStatus) => ['incidents', 'queue', status ?? 'any'] as const;

/**
 * Open incidents, oldest due first, each with its acknowledge clock and what a carer can do now. The
 * api shows a lead their own team only; an officer every team, and they record customer actions too.
 */
export function IncidentQueue({
  status,
  customerActions = false,
}: {
  status?: QueueStatus;
  customerActions?: boolean;
}) {
  const { t } = useTranslation();
  const queue = useSuspenseInfiniteQuery({
    queryKey: queueKey(status),
    queryFn: ({ pageParam }) =>
      answer(api.GET('/v1/incidents', { params: { query: { status, cursor: pageParam, limit: 20 } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const incidents = queue.data.pages.flatMap((page) => page.items);
  if (incidents.length === 0) return <p>{t('queue.empty')}</p>;
  return (
    <>
      <ul className="cards">
        {incidents.map((incident) => (
          <li key={incident.incidentId}>
            <IncidentCard incident={incident} customerActions={customerActions} />
          </li>
        ))}
      </ul>
      {queue.hasNextPage && (
        <Button className="button button-quiet" onPress={() => void queue.fetchNextPage()}>
          {t('queue.more')}
        </Button>
      )}
    </>
  );
}

function IncidentCard({ incident, customerActions }: { incident: QueuedIncident; customerActions: boolean }) {
  const { t, i18n } = useTranslation();
  const clock = slaClock(incident);
  const time = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  const headingId = `incident-${incident.incidentId}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('queue.heading', {
          severity: t(`severities.${incident.severity}`),
          channel: t(`channels.${incident.channel}`),
        })}
      </h3>
      <p>{incident.kinds.map((kind) => t(`kinds.${kind}`)).join(', ')}</p>
      <p className={clock.overdue ? 'clock clock-overdue' : 'clock'}>
        {clock.state !== 'due' && <span aria-hidden="true">{clock.overdue ? '⚠ ' : '✓ '}</span>}
        {t(`queue.clock.${clock.state}`, { time: time(clock.at) })}
      </p>
      <p className="hint">
        {t('queue.reported', { time: time(incident.reportedAt) })}
        {' · '}
        {t(`queueStatuses.${incident.status}`)}
        {incident.supportRequested && ` · ${t('queue.supportRequested')}`}
      </p>
      <IncidentActions incident={incident} customerActions={customerActions} />
    </article>
  );
}

/** One mutation per action, each with a key chosen once so a repeated tap does it once. */
function useIncidentAction(incidentId: string, path: IncidentActionPath) {
  const queryClient = useQueryClient();
  const key = useRef(idempotencyKey());
  return useMutation({
    mutationFn: (body: object | undefined) =>
      answer(
        api.POST(path, {
          params: { path: { id: incidentId } },
          body: body as never,
          headers: { 'idempotency-key': key.current },
        }),
      ),
    onSuccess: () => {
      key.current = idempotencyKey();
      return queryClient.invalidateQueries({ queryKey: ['incidents'] });
    },
  });
}

type IncidentActionPath =
  | '/v1/incidents/{id}/acknowledge'
  | '/v1/incidents/{id}/support-offers'
  | '/v1/incidents/{id}/close'
  | '/v1/incidents/{id}/customer-actions';

function IncidentActions({ incident, customerActions }: { incident: QueuedIncident; customerActions: boolean }) {
  const { t } = useTranslation();
  const id = incident.incidentId;
  const acknowledge = useIncidentAction(id, '/v1/incidents/{id}/acknowledge');
  const offer = useIncidentAction(id, '/v1/incidents/{id}/support-offers');
  const close = useIncidentAction(id, '/v1/incidents/{id}/close');
  const act = useIncidentAction(id, '/v1/incidents/{id}/customer-actions');
  const [done, setDone] = useState<string>();
  const run = (mutation: typeof acknowledge, body: object | undefined, message: string) =>
    mutation.mutate(body, { onSuccess: () => setDone(message) });
  const failed = [acknowledge, offer, close, act].find((mutation) => mutation.isError);
  return (
    <div className="stack">
      {incident.acknowledgedAt === null && (
        <Button
          className="button"
          isDisabled={acknowledge.isPending}
          onPress={() => run(acknowledge, undefined, t('queue.acknowledged'))}
        >
          {t('queue.acknowledge')}
        </Button>
      )}
      <ChoiceAction
        label={t('queue.supportKind')}
        options={SUPPORT_KINDS.map((kind) => [kind, t(`supportKindLabels.${kind}`)])}
        action={t('queue.offer')}
        pending={offer.isPending}
        onAct={(kind) => run(offer, { kind }, t('queue.offered', { kind: t(`supportKindLabels.${kind}`) }))}
      />
      {customerActions && (
        <ChoiceAction
          label={t('queue.customerAction')}
          options={CUSTOMER_ACTIONS.map((action) => [action, t(`customerActionLabels.${action}`)])}
          action={t('queue.record')}
          pending={act.isPending}
          onAct={(action) => run(act, { action }, t('queue.recorded'))}
        />
      )}
      <ChoiceAction
        label={t('queue.outcome')}
        options={OUTCOMES.map((outcome) => [outcome, t(`outcomeLabels.${outcome}`)])}
        action={t('queue.close')}
        pending={close.isPending}
        onAct={(outcome) => run(close, { outcome }, t('queue.closed'))}
      />
      {failed && <ProblemNotice error={failed.error} />}
      {done && !failed && (
        <p className="notice notice-ok" role="status">
          <span aria-hidden="true">✓ </span>
          {done}
        </p>
      )}
    </div>
  );
}

/** A labelled choice and the button that acts on it: plain `<select>` is enough here. */
function ChoiceAction(props: {
  label: string;
  options: [string, string][];
  action: string;
  pending: boolean;
  onAct: (value: string) => void;
}) {
  const [value, setValue] = useState(props.options[0][0]);
  return (
    <div className="choice-action">
      <label>
        <span>{props.label}</span>
        <select value={value} onChange={(event) => setValue(event.target.value)}>
          {props.options.map(([option, text]) => (
            <option key={option} value={option}>
              {text}
            </option>
          ))}
        </select>
      </label>
      <Button className="button button-quiet" isDisabled={props.pending} onPress={() => props.onAct(value)}>
        {props.action}
      </Button>
    </div>
  );
}
