import { useTranslation } from 'react-i18next';
import { usePageTitle } from './page-title';

/** Someone whose roles have no pages yet. */
export function NoHome() {
  const { t } = useTranslation();
  const title = usePageTitle('noHome.title');
  return (
    <section className="page">
      <h1>{title}</h1>
      <p>{t('noHome.body')}</p>
    </section>
  );
}
