import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, ConnectionsCheck, PlatformModule } from '@frontline/platform';

@Module({})
export class ProjectorModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ProjectorModule, imports: [PlatformModule.forRoot(config)], providers: [ConnectionsCheck] };
  }
}
