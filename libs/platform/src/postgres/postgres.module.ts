import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { AppConfig } from '../config/app-config';

/** PostgreSQL for what is not an event: the key vault. */
export const POSTGRES_POOL = Symbol('PostgresPool');

@Global()
@Module({
  providers: [
    {
      provide: POSTGRES_POOL,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const pool = new Pool({ connectionString: config.DATABASE_URL, max: 10 });
        pool.on('error', () => undefined); // a dropped idle client; the next query reconnects
        return pool;
      },
    },
  ],
  exports: [POSTGRES_POOL],
})
export class PostgresModule implements OnApplicationShutdown {
  constructor(@Inject(POSTGRES_POOL) private readonly pool: Pool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
