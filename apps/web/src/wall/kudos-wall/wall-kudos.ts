/** A kudos as a wall's stream sends it (`event: kudos`): who thanked whom, for what. No count, no rank. */
export interface WallKudos {
  kudosId: string;
  message: string;
  values: string[];
  sentAt: string;
  from: { displayName: string };
  to: { displayName: string }[];
}

/** How many kudos a wall keeps in its rotation: the latest ones. */
export const WALL_SIZE = 12;

/** The newest first, each kudos once (a stream resumed after a reconnect may repeat one), at most `WALL_SIZE`. */
export function withKudos(wall: readonly WallKudos[], kudos: WallKudos): WallKudos[] {
  return [kudos, ...wall.filter((shown) => shown.kudosId !== kudos.kudosId)].slice(0, WALL_SIZE);
}

/** A stream event's data as a kudos, or undefined when it is not one. */
export function parseWallKudos(data: string): WallKudos | undefined {
  try {
    const value = JSON.parse(data) as Partial<WallKudos>;
    const ok =
      typeof value.kudosId === 'string' &&
      typeof value.message === 'string' &&
      Array.isArray(value.values) &&
      typeof value.from?.displayName === 'string' &&
      Array.isArray(value.to);
    return ok ? (value as WallKudos) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Which wall an address opens, and with which token: `/wall#token=wall_…` (the organisation's) or
 * `/wall#token=wall_…&campaign=<id>`. The token travels in the fragment, which no server or log
 * sees; `?token=` is read too.
 */
export function wallOf(location: { hash: string; search: string }): { token: string; campaignId?: string } | undefined {
  const params = new URLSearchParams(location.hash.replace(/^#/, '') || location.search);
  const token = params.get('token') ?? new URLSearchParams(location.search).get('token');
  if (!token || !/^wall_[\w-]{1,100}$/.test(token)) return undefined;
  const campaignId = params.get('campaign') ?? undefined;
  return campaignId && /^[0-9a-f-]{36}$/i.test(campaignId) ? { token, campaignId } : { token };
}

/** The stream a wall follows. */
export const wallStreamUrl = ({ token, campaignId }: { token: string; campaignId?: string }) =>
  `${campaignId ? `/v1/walls/campaigns/${campaignId}` : '/v1/walls/org'}/stream?token=${encodeURIComponent(token)}`;

/** The wall's address for a screen, given a new token. */
export const wallAddress = (origin: string, token: string, campaignId?: string) =>
  `${origin}/wall#token=${encodeURIComponent(token)}${campaignId ? `&campaign=${campaignId}` : ''}`;
