import { Module } from '@nestjs/common';
import { LIVE_SOURCES } from '@frontline/read-models';
import { RecognitionLive, RecognitionModule } from '@frontline/recognition';
import { LiveHub } from './live-hub';
import { MeStreamController } from './me-stream.http.controller';
import { WallAccess } from './wall-access';
import { WallTokens } from './wall-tokens';
import { WallsController } from './walls.http.controller';

@Module({
  imports: [RecognitionModule],
  controllers: [MeStreamController, WallsController],
  providers: [
    LiveHub,
    WallAccess,
    WallTokens,
    // A person's stream follows every source here: the inbox is registered by adding its source (inject it, list it).
    { provide: LIVE_SOURCES, inject: [RecognitionLive], useFactory: (kudos: RecognitionLive) => [kudos] },
  ],
})
export class LiveHttpModule {}
