import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';
import { ProblemNotice } from '../../app/error-notice';
import { useFormat } from '../../app/format';
import { usePageTitle } from '../../app/page-title';

/** The agent's own reports, newest first, and where each stands. */
export function MyIncidentsPage() {
  const { t } = useTranslation();
  const title = usePageTitle('myIncidents.title');
  const format = useFormat();
  const incidents = useQuery({
    queryKey: ['me', 'incidents'],
    queryFn: () => answer(api.GET('/v1/me/incidents', { params: { query: { limit: 50 } } })),
  });
  return (
    <section className="page stack">
      <h1>{title}</h1>
      {incidents.isPending && <p role="status">{t('common.loading')}</p>}
      {incidents.isError && <ProblemNotice error={incidents.error} />}
      {incidents.data?.items.length === 0 && <p>{t('myIncidents.none')}</p>}
      <ul className="list">
        {incidents.data?.items.map((incident) => (
          <li key={incident.incidentId} className="card">
            <Link to="/agent/incidents/$incidentId" params={{ incidentId: incident.incidentId }}>
              {incident.kinds.map((kind) => t(`kinds.${kind}`)).join(', ')}
            </Link>
            <p className="hint">
              {t('myIncidents.summary', {
                channel: t(`channels.${incident.channel}`),
                severity: t(`severities.${incident.severity}`),
                when: format.dateTime(incident.occurredAt),
              })}
            </p>
            <p>
              <strong>{t(`statuses.${incident.status}`)}</strong>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
