import { Module } from '@nestjs/common';
import { MarkInboxReadHandler } from './application/mark-inbox-read.handler';
import { InboxItemsAfterHandler } from './queries/inbox-items-after.handler';
import { InboxReader } from './queries/inbox-reader';
import { InboxHandler } from './queries/inbox.handler';

@Module({
  providers: [InboxReader, InboxHandler, InboxItemsAfterHandler, MarkInboxReadHandler],
  exports: [InboxReader],
})
export class InboxModule {}
