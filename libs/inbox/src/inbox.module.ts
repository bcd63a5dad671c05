import { Module } from '@nestjs/common';
import { MarkInboxReadHandler } from './application/mark-inbox-read.handler';
import { InboxLive } from './queries/inbox-live';
import { InboxReader } from './queries/inbox-reader';
import { InboxHandler } from './queries/inbox.handler';

@Module({
  providers: [InboxReader, InboxHandler, InboxLive, MarkInboxReadHandler],
  exports: [InboxReader, InboxLive],
})
export class InboxModule {}
