import { Injectable } from '@nestjs/common';
import { ReadModels } from '@frontline/read-models';
import { type KudosItem, RecognitionFeeds, pairs } from './recognition-feeds.query';

/** How many of their latest received kudos someone sees on their own page. */
const RECENT = 10;

export interface MyRecognition {
  received: number;
  sent: number;
  valuesReceived: Record<string, number>;
  lastRecognisedAt: string | null;
  recentlyReceived: KudosItem[];
}

/** A person's own recognition: for them alone, so nothing in it is compared with anyone else. */
@Injectable()
export class MyRecognitionQuery {
  constructor(
    private readonly readModels: ReadModels,
    private readonly feeds: RecognitionFeeds,
  ) {}

  async of(personId: string): Promise<MyRecognition> {
    const keys = await this.readModels.keys('recognitionStats');
    const { redis } = this.readModels;
    const [received, sent, values, recent] = await Promise.all([
      redis.zcard(keys.key('person', personId, 'received')),
      redis.zcard(keys.key('person', personId, 'sent')),
      redis.zrange(keys.key('person', personId, 'values'), '0', '-1', 'WITHSCORES'),
      redis.zrevrange(keys.key('person', personId, 'received'), 0, RECENT - 1, 'WITHSCORES'),
    ]);
    const latest = pairs(recent);
    return {
      received,
      sent,
      valuesReceived: Object.fromEntries(pairs(values).map(([value, count]) => [value, Number(count)])),
      lastRecognisedAt: latest.length > 0 ? new Date(Number(latest[0][1])).toISOString() : null,
      recentlyReceived: await this.feeds.items(
        { personId },
        latest.map(([kudosId]) => kudosId),
      ),
    };
  }
}
