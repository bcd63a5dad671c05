import { Query } from '@nestjs/cqrs';
import type { Page } from '@frontline/read-models';

export interface ListedWebhook {
  webhookId: string;
  /** Scheme, host and port only: a webhook's path may carry a token. */
  target: string;
  eventTypes: string[];
  status: 'active' | 'disabled';
  registeredAt: string;
}

/** The webhooks, in id order, a page at a time, without any secret: for admins only (the controller's role check). */
export class WebhooksQuery extends Query<{ items: ListedWebhook[]; nextCursor: string | null }> {
  constructor(readonly page: Page) {
    super();
  }
}
