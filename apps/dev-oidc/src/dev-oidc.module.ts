import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { type AppConfig, PlatformModule } from '@frontline/platform';
import { DirectoryModule } from '@frontline/directory';
import { SignInAccounts } from './sign-in-accounts';

/** The development OpenID Provider's view of Frontline: the directory's people, and nothing else. */
@Module({})
export class DevOidcModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DevOidcModule,
      // The directory's module brings its command handlers, which need the buses.
      imports: [PlatformModule.forRoot(config), CqrsModule.forRoot(), DirectoryModule],
      providers: [SignInAccounts],
    };
  }
}
