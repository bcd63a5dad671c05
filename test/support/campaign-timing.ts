/** A campaign day as the api takes it, opening and closing at the given instants (whole seconds), in UTC. */
export function dayBetween(opens: Date, closes: Date, theme: string, announcement: string) {
  const time = (instant: Date) => instant.toISOString().slice(11, 19);
  return {
    date: opens.toISOString().slice(0, 10),
    theme,
    activities: [theme],
    announcement,
    opensAt: time(opens),
    closesAt: time(closes),
  };
}

/** A whole second at least `ms` from now, on the same UTC date as everything in the next `spanMs` (waits past midnight if need be). */
export async function secondsFromNow(ms: number, spanMs: number): Promise<Date> {
  const start = () => new Date(Math.ceil((Date.now() + ms) / 1000) * 1000);
  const sameDay = (from: Date) =>
    from.toISOString().slice(0, 10) === new Date(from.getTime() + spanMs).toISOString().slice(0, 10);
  while (!sameDay(start())) await new Promise((resolve) => setTimeout(resolve, 500));
  return start();
}

export const after = (instant: Date, ms: number) => new Date(instant.getTime() + ms);

export const sleepUntil = (instant: Date) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, instant.getTime() - Date.now())));
