import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, ConnectionsCheck, PlatformModule } from '@frontline/platform';
import { ALL_PROJECTIONS } from '@frontline/projections';
import { PROJECTIONS, ProjectionHost } from '@frontline/read-models';

@Module({})
export class ProjectorModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ProjectorModule,
      imports: [PlatformModule.forRoot(config)],
      providers: [ConnectionsCheck, ProjectionHost, { provide: PROJECTIONS, useValue: ALL_PROJECTIONS }],
    };
  }
}
