import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLiveInbox } from './use-live-inbox';
import { useUnreadCount } from './use-inbox';

/**
 * The inbox in the navigation, with how many items are unread in words (not a coloured dot alone).
 * It holds the person's live stream, so every page is live, and announces new items politely.
 */
export function InboxLink() {
  const { t } = useTranslation();
  const unread = useUnreadCount().data ?? 0;
  const announcement = useLiveInbox();
  return (
    <>
      <Link to="/inbox" activeProps={{ 'aria-current': 'page' }}>
        {unread > 0 ? t('inbox.linkUnread', { unread }) : t('inbox.link')}
      </Link>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement && t('inbox.arrived', { text: announcement })}
      </p>
    </>
  );
}
