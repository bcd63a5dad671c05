import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TeamSites } from '@frontline/directory';
import { CommandExecutor, ownTeamOf } from '@frontline/platform';
import { wellbeingDecider } from '../domain/wellbeing.decider';
import type { WellbeingActivityLogged } from '../domain/wellbeing.events';
import { wellbeingStream } from '../domain/wellbeing.streams';
import { LogWellbeingActivityCommand } from './log-wellbeing-activity.command';

@CommandHandler(LogWellbeingActivityCommand)
export class LogWellbeingActivityHandler implements ICommandHandler<LogWellbeingActivityCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly sites: TeamSites,
  ) {}

  async execute({ activity, context }: LogWellbeingActivityCommand) {
    const { personId } = context.actor;
    const teamId = ownTeamOf(context.actor);
    const siteId = await this.sites.siteOf(teamId);
    const { events } = await this.executor.execute(
      wellbeingStream(personId),
      wellbeingDecider,
      { type: 'LogWellbeingActivity', ...activity, teamId, siteId, now: context.now },
      context,
    );
    // On a retry the executor hands back the first attempt's event, whose id is the one to answer with.
    return { activityId: (events[0] as WellbeingActivityLogged).data.activityId };
  }
}
