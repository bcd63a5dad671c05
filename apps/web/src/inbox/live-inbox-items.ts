import type { InboxItem } from './inbox-item-text';

/** The inbox items a stream message carries: an `inbox` event holds one item as GET /v1/me/inbox shows it. */
export function liveInboxItems(message: { event: string; data: string }): InboxItem[] {
  if (message.event !== 'inbox' || message.data === '') return [];
  try {
    const item = JSON.parse(message.data) as Partial<InboxItem>;
    return typeof item.id === 'string' && typeof item.kind === 'string' ? [{ read: false, ...item } as InboxItem] : [];
  } catch {
    return [];
  }
}
