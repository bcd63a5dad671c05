import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';
import { type components, logWellbeingActivityRequestKindValues } from '../../api/schema.gen';
import { ProblemNotice } from '../../app/error-notice';
import { useFormat } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { untilShown } from '../../app/until-shown';
import { RadioChoices } from '../../ui/choices';
import { PULSE_QUESTIONS, PULSE_SCORES, type PulseQuestion, thisWeeksPulse, today } from './weekly-pulse';

type Activity = components['schemas']['LogWellbeingActivityRequest'];
type Mine = components['schemas']['MyWellbeingResponse'];
const MINE = ['me', 'wellbeing'] as const;

/** The agent's wellbeing: this week's pulse (three questions, once a week) and the activities they log. */
export function MyWellbeingPage() {
  const { t } = useTranslation();
  const title = usePageTitle('wellbeing.title');
  const format = useFormat();
  const [written, setWritten] = useState<{ id: string; at: number } | null>(null);
  const mine = useQuery({
    queryKey: MINE,
    queryFn: () => answer(api.GET('/v1/me/wellbeing')),
    refetchInterval: untilShown<Mine>(written, (data, id) => data.items.some((one) => one.activityId === id)),
  });
  return (
    <section className="page stack">
      <h1>{title}</h1>
      {mine.isError && <ProblemNotice error={mine.error} />}
      {mine.data && <WeeklyPulse answered={thisWeeksPulse(mine.data.pulses, new Date())} />}
      <LogActivity onLogged={(id) => setWritten({ id, at: Date.now() })} />
      <h2>{t('wellbeing.logged')}</h2>
      {mine.data?.items.length === 0 && <p>{t('wellbeing.noneLogged')}</p>}
      <ul className="list">
        {mine.data?.items.map((activity) => (
          <li key={activity.activityId} className="card">
            {t('wellbeing.activity', {
              kind: t(`wellbeingKinds.${activity.kind}`),
              minutes: activity.minutes,
              day: format.date(`${activity.occurredOn}T12:00:00Z`),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function WeeklyPulse({ answered }: { answered?: Record<PulseQuestion, number> }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const key = useRef(crypto.randomUUID());
  const [scores, setScores] = useState<Partial<Record<PulseQuestion, number>>>({});
  const submit = useMutation({
    mutationFn: (body: Record<PulseQuestion, number>) =>
      answer(api.POST('/v1/wellbeing/pulse', { body, headers: { 'idempotency-key': key.current } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: MINE }),
  });
  const given = answered ?? (submit.isSuccess ? submit.variables : undefined);
  if (given)
    return (
      <section className="stack" aria-labelledby="pulse">
        <h2 id="pulse">{t('pulse.title')}</h2>
        <p className="notice notice-ok" role="status">
          <span aria-hidden="true">✓ </span>
          {t('pulse.answered', { mood: given.mood, energy: given.energy, workload: given.workload })}
        </p>
      </section>
    );
  const complete = PULSE_QUESTIONS.every((question) => scores[question] !== undefined);
  return (
    <form
      className="stack"
      aria-labelledby="pulse"
      onSubmit={(event) => {
        event.preventDefault();
        if (complete) submit.mutate(scores as Record<PulseQuestion, number>);
      }}
    >
      <h2 id="pulse">{t('pulse.title')}</h2>
      <p className="hint">{t('pulse.privacy')}</p>
      {PULSE_QUESTIONS.map((question) => (
        <RadioChoices
          key={question}
          label={t(`pulse.${question}`)}
          options={PULSE_SCORES}
          optionLabel={(score) => t(`pulse.${question}Score${score}`)}
          value={scores[question] === undefined ? null : String(scores[question])}
          onChange={(score) => setScores((current) => ({ ...current, [question]: Number(score) }))}
        />
      ))}
      {submit.isError && <ProblemNotice error={submit.error} />}
      <Button type="submit" className="button" isDisabled={!complete || submit.isPending}>
        {t('pulse.send')}
      </Button>
    </form>
  );
}

function LogActivity({ onLogged }: { onLogged: (activityId: string) => void }) {
  const { t } = useTranslation();
  const key = useRef(crypto.randomUUID());
  const [activity, setActivity] = useState<Activity>({ kind: 'walk', minutes: 15, occurredOn: today(new Date()) });
  const log = useMutation({
    mutationFn: (body: Activity) =>
      answer(api.POST('/v1/wellbeing/activities', { body, headers: { 'idempotency-key': key.current } })),
    onSuccess: ({ activityId }) => {
      key.current = crypto.randomUUID();
      onLogged(activityId);
    },
  });
  return (
    <form
      className="stack"
      aria-labelledby="log-activity"
      onSubmit={(event) => {
        event.preventDefault();
        log.mutate(activity);
      }}
    >
      <h2 id="log-activity">{t('wellbeing.log')}</h2>
      <div className="field">
        <label htmlFor="activity-kind">{t('wellbeing.kind')}</label>
        <select
          id="activity-kind"
          value={activity.kind}
          onChange={(event) => setActivity({ ...activity, kind: event.target.value as Activity['kind'] })}
        >
          {logWellbeingActivityRequestKindValues.map((kind) => (
            <option key={kind} value={kind}>
              {t(`wellbeingKinds.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="activity-minutes">{t('wellbeing.minutes')}</label>
        <input
          id="activity-minutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={480}
          value={activity.minutes}
          onChange={(event) => setActivity({ ...activity, minutes: Number(event.target.value) })}
        />
      </div>
      <div className="field">
        <label htmlFor="activity-day">{t('wellbeing.day')}</label>
        <input
          id="activity-day"
          type="date"
          value={activity.occurredOn}
          max={today(new Date())}
          onChange={(event) => setActivity({ ...activity, occurredOn: event.target.value })}
        />
      </div>
      {log.isError && <ProblemNotice error={log.error} />}
      {log.isSuccess && (
        <p role="status" className="notice notice-ok">
          <span aria-hidden="true">✓ </span>
          {t('wellbeing.loggedOne', {
            kind: t(`wellbeingKinds.${log.variables.kind}`),
            minutes: log.variables.minutes,
          })}
        </p>
      )}
      <Button type="submit" className="button" isDisabled={log.isPending}>
        {t('wellbeing.logSend')}
      </Button>
    </form>
  );
}
