import { Module } from '@nestjs/common';
import { ChangePersonHandler } from './application/change-person.handler';
import { CreateTeamHandler } from './application/create-team.handler';
import { EnrolPersonHandler } from './application/enrol-person.handler';

@Module({ providers: [CreateTeamHandler, EnrolPersonHandler, ChangePersonHandler] })
export class DirectoryModule {}
