import { Module } from '@nestjs/common';
import { MarkInboxReadHandler } from './application/mark-inbox-read.handler';
import { InboxItemsAfterHandler } from './queries/inbox-items-after.handler';
import { InboxLive } from './queries/inbox-live';
import { InboxReader } from './queries/inbox-reader';
import { InboxHandler } from './queries/inbox.handler';

@Module({
  providers: [InboxReader, InboxLive, InboxHandler, InboxItemsAfterHandler, MarkInboxReadHandler],
  exports: [InboxReader, InboxLive],
})
export class InboxModule {}
