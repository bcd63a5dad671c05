import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/page-title';
import { useMe } from '../../app/me';

/** The agent's home: reporting abuse first, one tap away. */
export function AgentHomePage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle('agentHome.title');
  return (
    <section className="page">
      <h1>{t('agentHome.greeting', { name: me.displayName })}</h1>
      <ul className="tiles">
        <li>
          <Link to="/agent/report" className="tile">
            <strong>{t('agentHome.report')}</strong>
            {t('agentHome.reportHint')}
          </Link>
        </li>
        <li>
          <Link to="/agent/incidents" className="tile">
            <strong>{t('agentHome.incidents')}</strong>
            {t('agentHome.incidentsHint')}
          </Link>
        </li>
        <li>
          <Link to="/agent/kudos" className="tile">
            <strong>{t('agentHome.kudos')}</strong>
            {t('agentHome.kudosHint')}
          </Link>
        </li>
        <li>
          <Link to="/agent/recognition" className="tile">
            <strong>{t('agentHome.recognition')}</strong>
            {t('agentHome.recognitionHint')}
          </Link>
        </li>
        <li>
          <Link to="/agent/wellbeing" className="tile">
            <strong>{t('agentHome.wellbeing')}</strong>
            {t('agentHome.wellbeingHint')}
          </Link>
        </li>
      </ul>
    </section>
  );
}
