import { Module } from '@nestjs/common';
import { DirectoryModule } from '@frontline/directory';
import { DirectoryImportsController } from './directory-imports.http.controller';
import { FindPeopleController } from './find-people.http.controller';
import { MeController } from './me.http.controller';
import { PeopleController } from './people.http.controller';
import { ScimTokenController } from './scim-token.http.controller';
import { TeamsController } from './teams.http.controller';

@Module({
  imports: [DirectoryModule],
  controllers: [
    MeController,
    FindPeopleController,
    TeamsController,
    PeopleController,
    ScimTokenController,
    DirectoryImportsController,
  ],
})
export class DirectoryHttpModule {}
