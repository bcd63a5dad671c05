import { Suspense } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ProblemNotice } from '../app/error-notice';
import { usePageTitle } from '../app/page-title';
import { inboxItemText } from './inbox-item-text';
import { useInboxPages, useMarkRead } from './use-inbox';

/** Everyone's inbox: what concerns them, newest first, unread items marked in words. */
export function InboxPage() {
  const { t } = useTranslation();
  const title = usePageTitle('inbox.title');
  return (
    <section className="page">
      <h1>{title}</h1>
      <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
        <InboxItems />
      </Suspense>
    </section>
  );
}

function InboxItems() {
  const { t, i18n } = useTranslation();
  const inbox = useInboxPages();
  const markRead = useMarkRead();
  const items = inbox.data.pages.flatMap((page) => page.items);
  const unread = inbox.data.pages[0]?.unread ?? 0;
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const time = (iso: string) => format.format(new Date(iso));
  return (
    <div className="stack">
      <p>{unread === 0 ? t('inbox.allRead') : t('inbox.unread', { unread })}</p>
      {unread > 0 && items[0] && (
        <Button className="button" isDisabled={markRead.isPending} onPress={() => markRead.mutate(items[0].id)}>
          {t('inbox.markRead')}
        </Button>
      )}
      {markRead.isError && <ProblemNotice error={markRead.error} />}
      {items.length === 0 ? (
        <p>{t('inbox.empty')}</p>
      ) : (
        <ul className="list" aria-label={t('inbox.items')}>
          {items.map((item) => (
            <li key={item.id} className={item.read ? 'card' : 'card card-unread'}>
              {!item.read && <strong className="badge">{t('inbox.new')} </strong>}
              <span>{inboxItemText(item, t, time)}</span>
              <p className="hint">
                <time dateTime={item.at}>{time(item.at)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
      {inbox.hasNextPage && (
        <Button className="button button-quiet" onPress={() => void inbox.fetchNextPage()}>
          {t('inbox.more')}
        </Button>
      )}
    </div>
  );
}
