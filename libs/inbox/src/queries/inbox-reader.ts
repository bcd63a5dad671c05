import { Injectable } from '@nestjs/common';
import { displayNames } from '@frontline/directory';
import { ERASED, PersonalData, WORKER_ID } from '@frontline/platform';
import { ReadModels } from '@frontline/read-models';
import { type InboxViewer, inboxAudiencesOf } from '../inbox-topics';
import { type InboxAudience, type InboxItemBody, type InboxKeys, campaignAudience } from '../projections/inbox.keys';
import { inboxProjection } from '../projections/inbox.projection';

/** Someone an item names, by their name as the directory has it now (`null`: the care workflow itself). */
export type NamedPerson = { personId: string; displayName: string } | null;

/** An item as its reader sees it: people by name, a kudos' reactions counted by emoji. */
export type InboxItem = { id: string; kind: string; at: string } & Record<string, unknown>;

/** Fields of a body that name a person, shown with their name. */
const PEOPLE_FIELDS = ['by', 'fromId'] as const;

/** Reads a viewer's inbox: the sets of the audiences they belong to now, merged by item id (log order). */
@Injectable()
export class InboxReader {
  constructor(
    private readonly readModels: ReadModels,
    private readonly personalData: PersonalData,
  ) {}

  keys(): Promise<InboxKeys> {
    return this.readModels.layout(inboxProjection);
  }

  /** Their own, their team's leads' if they lead it, officers' if they are one, and the campaigns they are in the audience of. */
  async audiences(keys: InboxKeys, viewer: InboxViewer): Promise<InboxAudience[]> {
    const { redis } = this.readModels;
    const campaigns = await Promise.all([
      redis.smembers(keys.campaigns()),
      viewer.teamId === undefined ? [] : redis.smembers(keys.campaigns(viewer.teamId)),
    ]);
    return [...inboxAudiencesOf(viewer), ...[...new Set(campaigns.flat())].sort().map(campaignAudience)];
  }

  /** Up to `limit` ids newest first (before the id `from` when given), or oldest first (after it). */
  async ids(
    keys: InboxKeys,
    audiences: InboxAudience[],
    order: 'newest_first' | 'oldest_first',
    from: string | undefined,
    limit: number,
  ): Promise<string[]> {
    const { redis } = this.readModels;
    const newestFirst = order === 'newest_first';
    const start = from === undefined ? (newestFirst ? '+' : '-') : `(${from}`;
    const found = await Promise.all(
      audiences.map((audience) =>
        newestFirst
          ? redis.zrange(keys.audience(audience), start, '-', 'BYLEX', 'REV', 'LIMIT', 0, limit)
          : redis.zrange(keys.audience(audience), start, '+', 'BYLEX', 'LIMIT', 0, limit),
      ),
    );
    const merged = [...new Set(found.flat())].sort();
    return (newestFirst ? merged.reverse() : merged).slice(0, limit);
  }

  /** Whether the item is in one of these audiences' sets. */
  async holds(keys: InboxKeys, audiences: InboxAudience[], id: string): Promise<boolean> {
    const scores = await Promise.all(
      audiences.map((audience) => this.readModels.redis.zscore(keys.audience(audience), id)),
    );
    return scores.some((score) => score !== null);
  }

  /** The id the person has read up to, if any. */
  readUpTo(keys: InboxKeys, personId: string): Promise<string | null> {
    return this.readModels.redis.hget(keys.read(), personId);
  }

  /** Items after the read marker, in every audience the viewer reads. */
  async unread(keys: InboxKeys, audiences: InboxAudience[], upTo: string | null): Promise<number> {
    const from = upTo === null ? '-' : `(${upTo}`;
    const counts = await Promise.all(
      audiences.map((audience) => this.readModels.redis.zlexcount(keys.audience(audience), from, '+')),
    );
    return counts.reduce((sum, count) => sum + count, 0);
  }

  /** The items of these ids, in their order, with names decrypted together once. */
  async items(keys: InboxKeys, ids: string[]): Promise<InboxItem[]> {
    const { redis } = this.readModels;
    const bodies = await Promise.all(ids.map((id) => redis.hget(keys.item(id), 'body')));
    const found = ids.flatMap((id, i): InboxItem[] =>
      bodies[i] ? [{ id, ...(JSON.parse(bodies[i]) as InboxItemBody) }] : [],
    );
    const people = found.flatMap((body) =>
      PEOPLE_FIELDS.map((field) => body[field]).filter((id) => typeof id === 'string'),
    );
    const names = await displayNames(
      this.readModels,
      this.personalData,
      people.filter((id) => id !== WORKER_ID),
    );
    const named = (personId: string): NamedPerson =>
      personId === WORKER_ID ? null : { personId, displayName: names.get(personId) ?? ERASED };
    return Promise.all(
      found.map(async ({ by, fromId, ...body }) => ({
        ...body,
        ...(typeof by === 'string' ? { by: named(by) } : {}),
        ...(typeof fromId === 'string' ? { from: named(fromId) } : {}),
        ...(body.kind === 'kudos_reactions' ? { reactions: await this.reactions(keys, String(body.kudosId)) } : {}),
      })),
    );
  }

  private async reactions(keys: InboxKeys, kudosId: string): Promise<Record<string, number>> {
    const counts = await this.readModels.redis.hgetall(keys.reactions(kudosId));
    return Object.fromEntries(
      Object.entries(counts)
        .map(([emoji, n]) => [emoji, Number(n)])
        .filter(([, n]) => Number(n) > 0),
    );
  }
}
