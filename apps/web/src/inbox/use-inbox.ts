import { useMutation, useQuery, useQueryClient, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { answer, api, idempotencyKey } from '../api/client';

export const INBOX = ['me', 'inbox'] as const;
export const INBOX_PAGE = 20;

/** The unread count the navigation shows on every page; the inbox page's own reads refresh it. */
export const useUnreadCount = () =>
  useQuery({
    queryKey: [...INBOX, 'unread'],
    queryFn: () => answer(api.GET('/v1/me/inbox', { params: { query: { limit: 1 } } })),
    select: (inbox) => inbox.unread,
    refetchInterval: 60_000,
  });

export const useInboxPages = () =>
  useSuspenseInfiniteQuery({
    queryKey: [...INBOX, 'pages'],
    queryFn: ({ pageParam }) =>
      answer(api.GET('/v1/me/inbox', { params: { query: { cursor: pageParam, limit: INBOX_PAGE } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

/** Everything up to the newest item counts as read; repeating it changes nothing, so one key per tap. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (upTo: string) =>
      answer(api.POST('/v1/me/inbox/read', { body: { upTo }, headers: { 'idempotency-key': idempotencyKey() } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: INBOX }),
  });
}
