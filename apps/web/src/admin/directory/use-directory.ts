import { useInfiniteQuery } from '@tanstack/react-query';
import { answer, api } from '../../api/client';

const PAGE = 50;
/** The directory's read model follows each change a moment later: look again now and then. */
const FOLLOW_MS = 3_000;

/** Every team, fetched a page at a time as the admin asks for more. */
export function useTeams() {
  return useInfiniteQuery({
    queryKey: ['admin', 'teams'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => answer(api.GET('/v1/teams', { params: { query: { limit: PAGE, cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: FOLLOW_MS,
  });
}

/** A team's active members, a page at a time. */
export function useMembers(teamId: string | undefined) {
  return useInfiniteQuery({
    queryKey: ['admin', 'members', teamId],
    enabled: teamId !== undefined,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      answer(
        api.GET('/v1/teams/{teamId}/members', {
          params: { path: { teamId: teamId! }, query: { limit: PAGE, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: FOLLOW_MS,
  });
}
