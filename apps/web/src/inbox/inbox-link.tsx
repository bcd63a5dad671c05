import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useUnreadCount } from './use-inbox';

/** The inbox in the navigation, with how many items are unread in words (not a coloured dot alone). */
export function InboxLink() {
  const { t } = useTranslation();
  const unread = useUnreadCount().data ?? 0;
  return (
    <Link to="/inbox" activeProps={{ 'aria-current': 'page' }}>
      {unread > 0 ? t('inbox.linkUnread', { unread }) : t('inbox.link')}
    </Link>
  );
}
