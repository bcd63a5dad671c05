import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Which page of groups a dashboard shows; back to the first when what it shows changes. */
export function useGroupPages(search: object) {
  const key = JSON.stringify(search);
  const [pages, setPages] = useState<{ key: string; cursors: string[] }>({ key, cursors: [] });
  const cursors = pages.key === key ? pages.cursors : [];
  return {
    cursor: cursors[cursors.length - 1],
    first: cursors.length === 0,
    next: (cursor: string) => setPages({ key, cursors: [...cursors, cursor] }),
    restart: () => setPages({ key, cursors: [] }),
  };
}

/** "First groups" and "Next groups", when there are more groups than one answer holds. */
export function GroupPager({
  pages,
  nextCursor,
}: {
  pages: ReturnType<typeof useGroupPages>;
  nextCursor?: string | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      {!pages.first && (
        <button type="button" className="link-button" onClick={pages.restart}>
          {t('hr.firstGroups')}
        </button>
      )}
      {nextCursor && (
        <button type="button" className="link-button" onClick={() => pages.next(nextCursor)}>
          {t('hr.nextGroups')}
        </button>
      )}
    </>
  );
}
