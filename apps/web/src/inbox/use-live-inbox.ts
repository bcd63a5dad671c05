import { EventStreamContentType, fetchEventSource } from '@microsoft/fetch-event-source';
import { useQueryClient } from '@tanstack/react-query';
import { useRouteContext } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InboxItem, inboxItemText } from './inbox-item-text';
import { liveInboxItems } from './live-inbox-items';
import { INBOX } from './use-inbox';

/** How long to wait before opening the stream again after it broke or was refused. */
const RETRY_MS = 5_000;

/**
 * The person's stream (GET /v1/me/stream, bearer header, resumed from the last event id by the library):
 * a new inbox item refreshes the inbox and the unread count, and is returned as a sentence to announce;
 * new kudos refresh the feeds. Held once, by the navigation, so every page is live.
 */
export function useLiveInbox(): string {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const session = useRouteContext({ from: '__root__', select: (context) => context.session });
  const [announcement, setAnnouncement] = useState('');
  // Sentences are made in the language of the moment; changing it does not reopen the stream.
  const say = useRef<(item: InboxItem) => string>(() => '');
  say.current = (item) => inboxItemText(item, t, shortTime(i18n.language));
  useEffect(() => {
    const stop = new AbortController();
    void fetchEventSource('/v1/me/stream', {
      signal: stop.signal,
      openWhenHidden: true,
      // A fresh token on every (re)connection: the stream outlives an access token.
      fetch: async (input, init) =>
        fetch(input, {
          ...init,
          headers: { ...init?.headers, authorization: `Bearer ${await session.accessToken()}` },
        }),
      async onopen(response) {
        const type = response.headers.get('content-type') ?? '';
        if (response.ok && type.startsWith(EventStreamContentType)) return;
        // Refused (signed out, too many streams open): try again later; the inbox still reads on each visit.
        throw new Error(`stream answered ${response.status}`);
      },
      onmessage(message) {
        if (message.event === 'kudos') void queryClient.invalidateQueries({ queryKey: ['feeds'] });
        const items = liveInboxItems(message);
        if (items.length === 0) return;
        void queryClient.invalidateQueries({ queryKey: INBOX });
        setAnnouncement(items.map((item) => say.current(item)).join(' '));
      },
      onerror: () => RETRY_MS,
    });
    return () => stop.abort();
  }, [queryClient, session]);
  return announcement;
}

const shortTime = (language: string) => (iso: string) =>
  new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(new Date(iso));
