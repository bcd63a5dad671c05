import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { QUEUE_REDIS } from '@frontline/platform';
import { Paging } from '@frontline/read-models';
import type { Redis } from 'ioredis';
import { LISTED_WEBHOOKS_KEY, listedWebhookKey } from '../application/webhook-subscriptions';
import { type ListedWebhook, WebhooksQuery } from './webhooks.query';

@QueryHandler(WebhooksQuery)
export class WebhooksHandler implements IQueryHandler<WebhooksQuery> {
  constructor(
    @Inject(QUEUE_REDIS) private readonly redis: Redis,
    private readonly paging: Paging,
  ) {}

  async execute({ page }: WebhooksQuery) {
    const { members, nextCursor } = await this.paging.sortedSet(
      this.redis,
      'webhooks',
      LISTED_WEBHOOKS_KEY,
      page,
      'oldest_first',
    );
    const hashes = await Promise.all(members.map((id) => this.redis.hgetall(listedWebhookKey(id))));
    const items: ListedWebhook[] = hashes.map((hash, i) => ({
      webhookId: members[i],
      target: hash.target,
      eventTypes: JSON.parse(hash.eventTypes ?? '[]') as string[],
      status: hash.status === 'disabled' ? 'disabled' : 'active',
      registeredAt: hash.registeredAt,
    }));
    return { items, nextCursor };
  }
}
