import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Each page names itself in the tab and to screen readers when it opens. */
export function usePageTitle(key: string): string {
  const { t } = useTranslation();
  const title = t(key);
  useEffect(() => {
    document.title = `${title} · Frontline`;
  }, [title]);
  return title;
}
