import { Module } from '@nestjs/common';
import { ConnectionsCheck, EventStoreModule, PlatformModule, RedisModule } from '@frontline/platform';

@Module({
  imports: [PlatformModule, EventStoreModule, RedisModule],
  providers: [ConnectionsCheck],
})
export class ProjectorModule {}
