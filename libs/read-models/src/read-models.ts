import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_REDIS, type ReadModelRedis } from '@frontline/platform';
import { BatchedReads } from './batched-reads';
import { activeKeyspace } from './generations';
import type { Keyspace, TypedProjection } from './projection';

/** What queries use: the read-model Redis, and the serving keyspace of each projection. */
@Injectable()
export class ReadModels {
  /** For answers that read many keys at once: one script, one reply. */
  readonly batched: BatchedReads;

  constructor(@Inject(READ_MODEL_REDIS) readonly redis: ReadModelRedis) {
    this.batched = new BatchedReads(redis);
  }

  keys(projection: string): Promise<Keyspace> {
    return activeKeyspace(this.redis, projection);
  }

  /** The serving generation's keys of a projection, named by its layout. */
  async layout<K>(projection: TypedProjection<K>): Promise<K> {
    return projection.layout(await this.keys(projection.name));
  }
}
