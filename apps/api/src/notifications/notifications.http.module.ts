import { Module } from '@nestjs/common';
import { NotificationsModule } from '@frontline/notifications';
import { WebhooksController } from './webhooks.http.controller';

@Module({ imports: [NotificationsModule], controllers: [WebhooksController] })
export class NotificationsHttpModule {}
