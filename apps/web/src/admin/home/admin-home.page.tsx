import '../admin.css';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/page-title';

const PAGES = [
  { key: 'directory', path: '/admin/directory' },
  { key: 'import', path: '/admin/import' },
  { key: 'webhooks', path: '/admin/webhooks' },
  { key: 'projections', path: '/admin/projections' },
] as const;

/** The admin's home: the directory, its import, webhooks and read models, one tap each. */
export function AdminHomePage() {
  const { t } = useTranslation();
  const title = usePageTitle('adminHome.title');
  return (
    <section className="page">
      <h1>{title}</h1>
      <ul className="tiles">
        {PAGES.map(({ key, path }) => (
          <li key={key}>
            <Link to={path} className="tile">
              <strong>{t(`adminHome.${key}`)}</strong>
              {t(`adminHome.${key}Hint`)}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
