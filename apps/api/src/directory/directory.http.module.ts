import { Module } from '@nestjs/common';
import { DirectoryModule } from '@frontline/directory';
import { PeopleController } from './people.http.controller';
import { ScimTokenController } from './scim-token.http.controller';
import { TeamsController } from './teams.http.controller';

@Module({ imports: [DirectoryModule], controllers: [TeamsController, PeopleController, ScimTokenController] })
export class DirectoryHttpModule {}
