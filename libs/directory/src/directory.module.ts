import { Module } from '@nestjs/common';
import { DirectoryAccess } from '@frontline/platform';
import { ChangePersonHandler } from './application/change-person.handler';
import { CreateTeamHandler } from './application/create-team.handler';
import { DirectoryStandings } from './application/directory-standings';
import { EnrolPersonHandler } from './application/enrol-person.handler';
import { IdentityLinks } from './application/identity-links';
import { ImportDirectoryHandler } from './application/import-directory.handler';
import { RenameTeamHandler } from './application/rename-team.handler';
import { ScimTokens } from './application/scim-tokens';
import { TeamSites } from './application/team-sites';
import { ProvisionedPeople } from './queries/provisioned-people';
import { FindPeopleHandler } from './queries/find-people.handler';
import { WhoAmIHandler } from './queries/who-am-i.handler';
import { TeamMembersHandler, TeamsHandler } from './queries/directory-lists.handler';
import { ReadModelsModule } from '@frontline/read-models';

@Module({
  imports: [ReadModelsModule],
  providers: [
    ProvisionedPeople,
    WhoAmIHandler,
    FindPeopleHandler,
    TeamsHandler,
    TeamMembersHandler,
    CreateTeamHandler,
    RenameTeamHandler,
    ImportDirectoryHandler,
    ScimTokens,
    EnrolPersonHandler,
    ChangePersonHandler,
    DirectoryStandings,
    IdentityLinks,
    TeamSites,
    // The directory, not the token, says what a caller may do.
    { provide: DirectoryAccess, useExisting: DirectoryStandings },
  ],
  exports: [DirectoryAccess, DirectoryStandings, IdentityLinks, ProvisionedPeople, ScimTokens, TeamSites],
})
export class DirectoryModule {}
