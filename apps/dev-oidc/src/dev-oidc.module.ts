import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, PlatformModule } from '@frontline/platform';
import { DirectoryModule } from '@frontline/directory';
import { SignInAccounts } from './sign-in-accounts';

/** The development OpenID Provider's view of Frontline: the directory's people, and nothing else. */
@Module({})
export class DevOidcModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DevOidcModule,
      imports: [PlatformModule.forRoot(config), DirectoryModule],
      providers: [SignInAccounts],
    };
  }
}
