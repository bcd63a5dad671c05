import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useRef } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { ProblemNotice } from '../../app/error-notice';
import { useFormat } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { RecoveryBreakButton } from '../recovery-break/recovery-break-button';
import { incidentStage } from './incident-stage';

type Incident = components['schemas']['IncidentResponse'];
type SupportKind = NonNullable<Incident['supportOffers']>[number]['kind'];

/** One of the agent's reports: where it stands, what was done, and who opened it. */
export function MyIncidentPage() {
  const { t } = useTranslation();
  const title = usePageTitle('myIncident.title');
  const format = useFormat();
  const { incidentId } = useParams({ from: '/agent/incidents/$incidentId' });
  const path = { params: { path: { id: incidentId } } };
  const incident = useQuery({
    queryKey: ['incidents', incidentId],
    queryFn: () => answer(api.GET('/v1/incidents/{id}', path)),
  });
  const accessLog = useQuery({
    queryKey: ['me', 'incidents', incidentId, 'access-log'],
    queryFn: () => answer(api.GET('/v1/me/incidents/{id}/access-log', path)),
  });
  const found = incident.data;
  return (
    <section className="page stack">
      <h1>{title}</h1>
      <p>
        <Link to="/agent/incidents">{t('myIncident.back')}</Link>
      </p>
      {incident.isPending && <p role="status">{t('common.loading')}</p>}
      {incident.isError && <ProblemNotice error={incident.error} />}
      {found && (
        <>
          <dl className="facts">
            <dt>{t('myIncident.status')}</dt>
            <dd>
              <strong>{t(`statuses.${incidentStage(found)}`)}</strong>
            </dd>
            <dt>{t('report.kinds')}</dt>
            <dd>{found.kinds?.map((kind) => t(`kinds.${kind}`)).join(', ')}</dd>
            <dt>{t('report.channel')}</dt>
            <dd>{found.channel && t(`channels.${found.channel}`)}</dd>
            <dt>{t('report.severity')}</dt>
            <dd>{found.severity && t(`severities.${found.severity}`)}</dd>
            <dt>{t('report.when')}</dt>
            <dd>{found.occurredAt && format.dateTime(found.occurredAt)}</dd>
          </dl>
          <h2>{t('myIncident.whatHappened')}</h2>
          <ul className="list">
            {found.reportedAt && <li>{t('myIncident.reported', { at: format.dateTime(found.reportedAt) })}</li>}
            {found.acknowledged && (
              <li>{t('myIncident.acknowledged', { at: format.dateTime(found.acknowledged.at) })}</li>
            )}
            {found.escalations?.map((_, i) => (
              <li key={`e${i}`}>{t('myIncident.escalated')}</li>
            ))}
            {found.supportOffers?.map((offer) => (
              <li key={offer.kind}>
                <SupportOffer
                  incidentId={incidentId}
                  kind={offer.kind}
                  status={offer.status}
                  open={found.status === 'open'}
                />
              </li>
            ))}
            {found.recoveryBreaks?.map((minutes, i) => (
              <li key={`b${i}`}>{t('myIncident.recoveryBreak', { minutes })}</li>
            ))}
            {found.customerActions?.map((taken, i) => (
              <li key={`c${i}`}>{t(`customerActions.${taken.action}`)}</li>
            ))}
            {found.checkInSentAt && <li>{t('myIncident.checkIn', { at: format.dateTime(found.checkInSentAt) })}</li>}
            {found.closed && <li>{t('myIncident.closed', { outcome: t(`outcomes.${found.closed.outcome}`) })}</li>}
          </ul>
          {found.status === 'open' && <RecoveryBreakButton incidentId={incidentId} />}
        </>
      )}
      <h2 id="access-log">{t('accessLog.title')}</h2>
      {accessLog.isError && <ProblemNotice error={accessLog.error} />}
      {accessLog.data?.items.length === 0 && <p>{t('accessLog.none')}</p>}
      {!!accessLog.data?.items.length && (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="access-log">
          <table aria-labelledby="access-log">
            <thead>
              <tr>
                <th scope="col">{t('accessLog.who')}</th>
                <th scope="col">{t('accessLog.role')}</th>
                <th scope="col">{t('accessLog.when')}</th>
                <th scope="col">{t('accessLog.what')}</th>
              </tr>
            </thead>
            <tbody>
              {accessLog.data.items.map((entry) => (
                <tr key={`${entry.readerId}-${entry.at}-${entry.via}`}>
                  <td>{entry.displayName}</td>
                  <td>{t(`roles.${entry.role}`)}</td>
                  <td>{format.dateTime(entry.at)}</td>
                  <td>
                    {t(entry.via === 'queue' ? 'accessLog.viaQueue' : 'accessLog.viaIncident')}
                    {entry.narrative ? ` · ${t('accessLog.withNarrative')}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Support a lead or officer offered: the agent takes it or says no thanks. */
function SupportOffer(props: { incidentId: string; kind: SupportKind; status: string; open: boolean }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const key = useRef(crypto.randomUUID());
  const reply = useMutation({
    mutationFn: (answerWith: 'accept' | 'decline') =>
      answer(
        api.POST(`/v1/incidents/{id}/support-offers/{kind}/${answerWith}`, {
          params: { path: { id: props.incidentId, kind: props.kind } },
          headers: { 'idempotency-key': `${key.current}-${answerWith}` },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['incidents', props.incidentId] }),
  });
  const offered = t('myIncident.supportOffered', { kind: t(`supportKinds.${props.kind}`) });
  return (
    <div className="stack" role="group" aria-label={offered}>
      <span>
        {offered} — <strong>{t(`offerStatuses.${props.status}`)}</strong>
      </span>
      {props.status === 'offered' && props.open && (
        <span className="choices">
          <Button className="button" onPress={() => reply.mutate('accept')} isDisabled={reply.isPending}>
            {t('myIncident.accept')}
          </Button>
          <Button className="button button-quiet" onPress={() => reply.mutate('decline')} isDisabled={reply.isPending}>
            {t('myIncident.decline')}
          </Button>
        </span>
      )}
      {reply.isError && <ProblemNotice error={reply.error} />}
    </div>
  );
}
