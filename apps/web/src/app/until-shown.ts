/** How often, and how long, a page asks again for what it has just written. */
const EVERY_MS = 500;
const AT_MOST_MS = 10_000;

/**
 * A `refetchInterval` for a list that should show what the user just wrote: read models follow the
 * log within a second or so, so the list is asked again until it shows it (or for ten seconds).
 */
export function untilShown<T>(written: { id: string; at: number } | null, shows: (data: T, id: string) => boolean) {
  return (query: { state: { data: T | undefined } }): number | false => {
    if (!written || Date.now() - written.at > AT_MOST_MS) return false;
    return query.state.data !== undefined && shows(query.state.data, written.id) ? false : EVERY_MS;
  };
}
