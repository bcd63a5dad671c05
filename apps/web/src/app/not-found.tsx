import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from './page-title';

export function NotFound() {
  const { t } = useTranslation();
  const title = usePageTitle('notFound.title');
  return (
    <section className="page">
      <h1>{title}</h1>
      <p>{t('notFound.body')}</p>
      <Link to="/">{t('notFound.home')}</Link>
    </section>
  );
}
