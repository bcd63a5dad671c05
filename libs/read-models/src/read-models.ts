import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_REDIS } from '@frontline/platform';
import type { Redis } from 'ioredis';
import { activeKeyspace } from './generations';
import type { Keyspace } from './projection';

/** What queries use: the read-model Redis, and the serving keyspace of each projection. */
@Injectable()
export class ReadModels {
  constructor(@Inject(READ_MODEL_REDIS) readonly redis: Redis) {}

  keys(projection: string): Promise<Keyspace> {
    return activeKeyspace(this.redis, projection);
  }
}
