import { Injectable } from '@nestjs/common';
import { CommandExecutor, DirectoryAccess, type DirectoryStanding, isRole } from '@frontline/platform';
import { personStream } from '../domain/directory.streams';
import { personDecider } from '../domain/person.decider';

/**
 * The directory's answer to "what may this person do", read from their own stream: never
 * behind the last enrolment, move or offboarding, on any api instance.
 */
@Injectable()
export class DirectoryStandings extends DirectoryAccess {
  constructor(private readonly executor: CommandExecutor) {
    super();
  }

  async standingOf(personId: string): Promise<DirectoryStanding | undefined> {
    const { state } = await this.executor.load(personStream(personId), personDecider);
    if (state.status === 'none') return undefined;
    return { status: state.status, roles: state.roles.filter(isRole), teamId: state.teamId };
  }
}
