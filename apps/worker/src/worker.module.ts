import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, ConnectionsCheck, PlatformModule } from '@frontline/platform';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [PlatformModule.forRoot(config)], providers: [ConnectionsCheck] };
  }
}
