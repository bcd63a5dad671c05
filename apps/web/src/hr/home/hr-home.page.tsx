import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/page-title';

/** HR's home: the dashboards and campaigns, each a tap away. Aggregates only, never a person. */
export function HrHomePage() {
  const { t } = useTranslation();
  const title = usePageTitle('hrHome.title');
  return (
    <section className="page">
      <h1>{title}</h1>
      <p className="hint">{t('hrHome.intro')}</p>
      <ul className="tiles">
        <li>
          <Link to="/hr/abuse" search={{ interval: 'week' }} className="tile">
            <strong>{t('abuse.title')}</strong>
            {t('hrHome.abuseHint')}
          </Link>
        </li>
        <li>
          <Link to="/hr/trends" search={{ interval: 'week' }} className="tile">
            <strong>{t('trends.title')}</strong>
            {t('hrHome.trendsHint')}
          </Link>
        </li>
        <li>
          <Link to="/hr/campaigns" className="tile">
            <strong>{t('campaigns.title')}</strong>
            {t('hrHome.campaignsHint')}
          </Link>
        </li>
        <li>
          <Link to="/hr/wall" className="tile">
            <strong>{t('wallLink.title')}</strong>
            {t('hrHome.wallHint')}
          </Link>
        </li>
      </ul>
    </section>
  );
}
