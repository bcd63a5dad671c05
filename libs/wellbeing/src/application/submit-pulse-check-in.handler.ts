import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TeamSites } from '@frontline/directory';
import { CommandExecutor, ownTeamOf } from '@frontline/platform';
import { wellbeingDecider } from '../domain/wellbeing.decider';
import type { PulseCheckInSubmitted } from '../domain/wellbeing.events';
import { wellbeingStream } from '../domain/wellbeing.streams';
import { SubmitPulseCheckInCommand } from './submit-pulse-check-in.command';

@CommandHandler(SubmitPulseCheckInCommand)
export class SubmitPulseCheckInHandler implements ICommandHandler<SubmitPulseCheckInCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly sites: TeamSites,
  ) {}

  async execute({ answers, context }: SubmitPulseCheckInCommand) {
    const { personId } = context.actor;
    const teamId = ownTeamOf(context.actor);
    const siteId = await this.sites.siteOf(teamId);
    const { events } = await this.executor.execute(
      wellbeingStream(personId),
      wellbeingDecider,
      { type: 'SubmitPulseCheckIn', ...answers, teamId, siteId, now: context.now },
      context,
    );
    // Only the week goes back: the answers stay in the person's own stream.
    return { isoWeek: (events[0] as PulseCheckInSubmitted).data.isoWeek };
  }
}
