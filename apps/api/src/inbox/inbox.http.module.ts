import { Module } from '@nestjs/common';
import { InboxModule } from '@frontline/inbox';
import { InboxController } from './inbox.http.controller';

@Module({ imports: [InboxModule], controllers: [InboxController] })
export class InboxHttpModule {}
