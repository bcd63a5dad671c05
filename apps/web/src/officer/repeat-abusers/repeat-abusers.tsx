import { useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';

/** Customers reported by several agents, by pseudonym only: the officer's to act on (customer actions). */
export function RepeatAbusers() {
  const { t, i18n } = useTranslation();
  const matches = useSuspenseInfiniteQuery({
    queryKey: ['repeat-abusers'],
    queryFn: ({ pageParam }) =>
      answer(api.GET('/v1/repeat-abusers', { params: { query: { cursor: pageParam, limit: 20 } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = matches.data.pages.flatMap((page) => page.items);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  if (items.length === 0) return <p>{t('repeatAbusers.none')}</p>;
  return (
    <>
      <p className="hint">{t('repeatAbusers.intro')}</p>
      <ul className="list">
        {items.map((match) => (
          <li key={match.matchId} className="card">
            <p>
              <strong>{t('repeatAbusers.customer', { pseudonym: shortPseudonym(match.customerPseudonym) })}</strong>
            </p>
            <p>{t('repeatAbusers.reported', { agents: match.distinctAgents, incidents: match.incidentIds.length })}</p>
            <p className="hint">
              <time dateTime={match.matchedAt}>{date.format(new Date(match.matchedAt))}</time>
            </p>
          </li>
        ))}
      </ul>
      {matches.hasNextPage && (
        <Button className="button button-quiet" onPress={() => void matches.fetchNextPage()}>
          {t('repeatAbusers.more')}
        </Button>
      )}
    </>
  );
}

/** Enough of a keyed pseudonym to tell matches apart on screen; the whole is in the api's answer. */
export const shortPseudonym = (pseudonym: string) => pseudonym.slice(0, 12);
