import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ForbiddenError } from '@frontline/decider';
import { Paging, ReadModels } from '@frontline/read-models';
import { myWellbeingProjection } from '../projections/my-wellbeing.projection';
import { activityIdOf } from '../projections/my-wellbeing.keys';
import { type MyActivity, type MyPulse, type MyWellbeing, MyWellbeingQuery } from './my-wellbeing.query';

const LIST = 'my-wellbeing';

/** The only reader of `myWellbeing`: a person's own answers go back to that person and nobody else. */
@QueryHandler(MyWellbeingQuery)
export class MyWellbeingHandler implements IQueryHandler<MyWellbeingQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly paging: Paging,
  ) {}

  async execute({ caller, personId, page: { cursor, limit } }: MyWellbeingQuery): Promise<MyWellbeing> {
    if (personId !== caller.personId) throw new ForbiddenError('A wellbeing history is only ever shown to its owner');
    const keys = await this.readModels.layout(myWellbeingProjection);
    const { redis } = this.readModels;
    // Every member has score 0, so the set is in member order: resume strictly before the last member shown.
    const members = await redis.zrevrangebylex(
      keys.activities(personId),
      cursor === undefined ? '+' : `(${this.paging.open<[string]>(LIST, cursor, ['string'])[0]}`,
      '-',
      'LIMIT',
      0,
      limit + 1,
    );
    const shown = members.slice(0, limit);
    const activities = shown.length ? await redis.hmget(keys.activity(personId), ...shown.map(activityIdOf)) : [];
    const pulses = Object.values(await redis.hgetall(keys.pulses(personId)))
      .map((json) => JSON.parse(json) as MyPulse)
      .sort((a, b) => b.isoWeek.localeCompare(a.isoWeek));
    return {
      items: activities.map((json) => JSON.parse(json!) as MyActivity),
      nextCursor: members.length > limit ? this.paging.seal(LIST, [shown[shown.length - 1]]) : null,
      pulses,
    };
  }
}
