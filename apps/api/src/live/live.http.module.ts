import { Module } from '@nestjs/common';
import { LIVE_SOURCES } from '@frontline/read-models';
import { InboxLive, InboxModule } from '@frontline/inbox';
import { RecognitionLive, RecognitionModule } from '@frontline/recognition';
import { LiveHub } from './live-hub';
import { MeStreamController } from './me-stream.http.controller';
import { WallAccess } from './wall-access';
import { WallTokens } from './wall-tokens';
import { WallsController } from './walls.http.controller';

@Module({
  imports: [RecognitionModule, InboxModule],
  controllers: [MeStreamController, WallsController],
  providers: [
    LiveHub,
    WallAccess,
    WallTokens,
    // A person's stream follows every source here.
    {
      provide: LIVE_SOURCES,
      inject: [RecognitionLive, InboxLive],
      useFactory: (kudos: RecognitionLive, inbox: InboxLive) => [kudos, inbox],
    },
  ],
})
export class LiveHttpModule {}
