import { useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';

/** The team's recognition feed, newest first: what was said and to whom, never a tally per person. */
export function TeamFeed({ teamId }: { teamId: string }) {
  const { t, i18n } = useTranslation();
  const feed = useSuspenseInfiniteQuery({
    queryKey: ['feeds', 'teams', teamId],
    queryFn: ({ pageParam }) =>
      answer(
        api.GET('/v1/feeds/teams/{teamId}', {
          params: { path: { teamId }, query: { cursor: pageParam, limit: 20 } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const kudos = feed.data.pages.flatMap((page) => page.items);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  if (kudos.length === 0) return <p>{t('feed.empty')}</p>;
  return (
    <>
      <ul className="list">
        {kudos.map((item) => (
          <li key={item.kudosId} className="card">
            <p>
              <strong>
                {t('feed.fromTo', {
                  from: item.from.displayName,
                  to: item.to.map((person) => person.displayName).join(', '),
                })}
              </strong>
            </p>
            <blockquote>{item.message}</blockquote>
            <p className="hint">
              {item.values.map((value) => t(`kudosValues.${value}`)).join(' · ')}
              {' — '}
              <time dateTime={item.sentAt}>{date.format(new Date(item.sentAt))}</time>
            </p>
          </li>
        ))}
      </ul>
      {feed.hasNextPage && (
        <Button className="button button-quiet" onPress={() => void feed.fetchNextPage()}>
          {t('feed.more')}
        </Button>
      )}
    </>
  );
}
