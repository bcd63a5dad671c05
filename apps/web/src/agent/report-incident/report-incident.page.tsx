import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { Button, Checkbox, Label, TextArea, TextField } from 'react-aria-components';
import { Input } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';
import { ProblemNotice } from '../../app/error-notice';
import { usePageTitle } from '../../app/page-title';
import { useMe } from '../../app/me';
import { RecoveryBreakButton } from '../recovery-break/recovery-break-button';
import {
  ABUSE_KINDS,
  CHANNELS,
  type MissingField,
  type ReportDraft,
  SEVERITIES,
  missingFields,
  toReport,
} from './report-draft';
import { CheckboxChoices, RadioChoices } from '../../ui/choices';
import { useReportDraft } from './use-report-draft';
import { fromLocalInput, toLocalInput } from './local-time';

/** Report an abusive contact in under a minute: four choices and Send; everything else is optional. */
export function ReportIncidentPage() {
  const { t } = useTranslation();
  const title = usePageTitle('report.title');
  const me = useMe();
  const { draft, change, sent } = useReportDraft(me.personId);
  const [missing, setMissing] = useState<MissingField[]>([]);
  const [sentReport, setSentReport] = useState<ReportDraft | null>(null);
  const confirmation = useRef<HTMLHeadingElement>(null);

  const send = useMutation({
    mutationFn: (report: ReportDraft) =>
      answer(
        api.POST('/v1/incidents', {
          body: toReport(report),
          headers: { 'idempotency-key': report.idempotencyKey },
        }),
      ),
    onSuccess: (_, report) => {
      sent(report);
      setSentReport(report);
      requestAnimationFrame(() => confirmation.current?.focus());
    },
  });

  if (sentReport)
    return (
      <section className="page stack" aria-labelledby="report-sent">
        <h1 id="report-sent" ref={confirmation} tabIndex={-1}>
          {t('report.sent')}
        </h1>
        <p className="notice notice-ok" role="status">
          <span aria-hidden="true">✓ </span>
          {t(sentReport.supportRequested ? 'report.sentWithSupport' : 'report.sentBody')}
        </p>
        <RecoveryBreakButton incidentId={sentReport.incidentId} />
        <p className="inline-list">
          <Link to="/agent/incidents/$incidentId" params={{ incidentId: sentReport.incidentId }}>
            {t('report.seeIt')}
          </Link>
          <Link to="/agent">{t('report.backHome')}</Link>
          <button type="button" className="link-button" onClick={() => setSentReport(null)}>
            {t('report.another')}
          </button>
        </p>
      </section>
    );

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const stillMissing = missingFields(draft);
    setMissing(stillMissing);
    if (stillMissing.length === 0) send.mutate(draft);
    else document.getElementById(`report-${stillMissing[0]}`)?.querySelector<HTMLElement>('input')?.focus();
  };

  return (
    <section className="page">
      <h1>{title}</h1>
      <form className="stack" onSubmit={submit} noValidate>
        <p className="hint">{t('report.intro')}</p>
        <RadioChoices
          id="report-channel"
          label={t('report.channel')}
          options={CHANNELS}
          optionLabel={(channel) => t(`channels.${channel}`)}
          value={draft.channel}
          onChange={(channel) => change({ channel })}
          isInvalid={missing.includes('channel') && !draft.channel}
        />
        <CheckboxChoices
          id="report-kinds"
          label={t('report.kinds')}
          options={ABUSE_KINDS}
          optionLabel={(kind) => t(`kinds.${kind}`)}
          value={draft.kinds}
          onChange={(kinds) => change({ kinds })}
          isInvalid={missing.includes('kinds') && draft.kinds.length === 0}
        />
        <RadioChoices
          id="report-severity"
          label={t('report.severity')}
          options={SEVERITIES}
          optionLabel={(severity) => t(`severities.${severity}`)}
          value={draft.severity}
          onChange={(severity) => change({ severity })}
          isInvalid={missing.includes('severity') && !draft.severity}
        />
        <Checkbox
          className="choice"
          isSelected={draft.supportRequested}
          onChange={(supportRequested) => change({ supportRequested })}
        >
          {t('report.support')}
        </Checkbox>
        <details>
          <summary>{t('report.more')}</summary>
          <div className="stack">
            <div className="field">
              <label htmlFor="report-when">{t('report.when')}</label>
              <input
                id="report-when"
                type="datetime-local"
                aria-describedby="report-when-hint"
                value={toLocalInput(draft.occurredAt ?? draft.startedAt)}
                max={toLocalInput(new Date().toISOString())}
                onChange={(event) => change({ occurredAt: fromLocalInput(event.target.value) })}
              />
              <span id="report-when-hint" className="hint">
                {t('report.whenHint')}
              </span>
            </div>
            <TextField
              className="field"
              value={draft.customerRef}
              onChange={(customerRef) => change({ customerRef })}
              maxLength={320}
            >
              <Label>{t('report.customerRef')}</Label>
              <Input />
              <span slot="description">{t('report.customerRefHint')}</span>
            </TextField>
            <TextField
              className="field"
              value={draft.narrative}
              onChange={(narrative) => change({ narrative })}
              maxLength={4000}
            >
              <Label>{t('report.narrative')}</Label>
              <TextArea rows={4} />
            </TextField>
            <Checkbox
              className="choice"
              isSelected={draft.shareNarrativeWithLead}
              onChange={(shareNarrativeWithLead) => change({ shareNarrativeWithLead })}
            >
              {t('report.share')}
            </Checkbox>
          </div>
        </details>
        {missing.length > 0 && missingFields(draft).length > 0 && (
          <p role="alert" className="notice notice-error">
            {t('report.missing', {
              fields: missingFields(draft)
                .map((field) => t(`report.${field}`))
                .join(', '),
            })}
          </p>
        )}
        {send.isPaused && (
          <p role="status" className="notice">
            {t('report.waitingForConnection')}
          </p>
        )}
        {send.isError && <ProblemNotice error={send.error} />}
        {send.isError && <p className="hint">{t('report.keptOnDevice')}</p>}
        <Button type="submit" className="button" isDisabled={send.isPending}>
          {send.isPending ? t('report.sending') : t('report.send')}
        </Button>
      </form>
    </section>
  );
}
