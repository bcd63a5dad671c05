import { recognitionStatsProjection } from '../projections/recognition-stats.projection';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PersonalData } from '@frontline/platform';
import { ReadModels } from '@frontline/read-models';
import { pairs, visibleKudos } from './feed-kudos';
import { type MyRecognition, MyRecognitionQuery } from './my-recognition.query';

/** How many of their latest received kudos someone sees on their own page. */
const RECENT = 10;

@QueryHandler(MyRecognitionQuery)
export class MyRecognitionHandler implements IQueryHandler<MyRecognitionQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly personalData: PersonalData,
  ) {}

  async execute({ personId }: MyRecognitionQuery): Promise<MyRecognition> {
    const keys = await this.readModels.layout(recognitionStatsProjection);
    const { redis } = this.readModels;
    const [received, sent, values, recent] = await Promise.all([
      redis.zcard(keys.received(personId)),
      redis.zcard(keys.sent(personId)),
      redis.zrange(keys.values(personId), '0', '-1', 'WITHSCORES'),
      redis.zrevrange(keys.received(personId), 0, RECENT - 1, 'WITHSCORES'),
    ]);
    const latest = pairs(recent);
    return {
      received,
      sent,
      valuesReceived: Object.fromEntries(pairs(values).map(([value, count]) => [value, Number(count)])),
      lastRecognisedAt: latest.length > 0 ? new Date(Number(latest[0][1])).toISOString() : null,
      recentlyReceived: await visibleKudos(
        this.readModels,
        this.personalData,
        { personId },
        latest.map(([kudosId]) => kudosId),
      ),
    };
  }
}
