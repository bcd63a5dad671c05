import { Module } from '@nestjs/common';
import { DirectoryModule } from '@frontline/directory';
import { ReadModelsModule } from '@frontline/read-models';
import { ScimDiscoveryController } from './scim-discovery.http.controller';
import { ScimGroupsController } from './scim-groups.http.controller';
import { ScimGroups } from './scim-groups';
import { ScimTokenGuard } from './scim-token.guard';
import { ScimUsersController } from './scim-users.http.controller';
import { ScimUsers } from './scim-users';

/** SCIM 2.0 provisioning (RFC 7643, RFC 7644) at /scim/v2, for the organisation's identity provider. */
@Module({
  imports: [DirectoryModule, ReadModelsModule],
  controllers: [ScimUsersController, ScimGroupsController, ScimDiscoveryController],
  providers: [ScimUsers, ScimGroups, ScimTokenGuard],
})
export class ScimHttpModule {}
