import { type DynamicModule, Module } from '@nestjs/common';
import {
  type AppConfig,
  ConnectionsCheck,
  PlatformModule,
  QueuesModule,
  REACTORS,
  ReactorHost,
} from '@frontline/platform';

/** Reactors turn events into jobs; processors run them, each job's effect an event appended once. */
const reactors: never[] = [];

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PlatformModule.forRoot(config), QueuesModule.forRoot(config)],
      providers: [
        ConnectionsCheck,
        ReactorHost,
        ...reactors,
        { provide: REACTORS, useFactory: (...found: unknown[]) => found, inject: reactors },
      ],
    };
  }
}
