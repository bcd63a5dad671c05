import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { EventStoreModule, PlatformModule, RedisModule } from '@frontline/platform';
import { HealthController } from './ops/health.http.controller';
import { MetricsController } from './ops/metrics.http.controller';

@Module({
  imports: [PlatformModule, EventStoreModule, RedisModule, TerminusModule],
  controllers: [HealthController, MetricsController],
})
export class ApiModule {}
