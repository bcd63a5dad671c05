import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TeamSites } from '@frontline/directory';
import { CommandExecutor } from '@frontline/platform';
import { contactVolumeStream } from '../domain/abuse.streams';
import { contactVolumeDecider } from '../domain/contact-volume.decider';
import { RecordContactVolumesCommand, type ContactVolumeRow } from './record-contact-volumes.command';

/** Streams written at the same time: enough to import 5,000 rows quickly, few enough for the pool. */
const PARALLEL_STREAMS = 8;

@CommandHandler(RecordContactVolumesCommand)
export class RecordContactVolumesHandler implements ICommandHandler<RecordContactVolumesCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly sites: TeamSites,
  ) {}

  async execute({ rows, context }: RecordContactVolumesCommand) {
    // Every team is checked before anything is written, so an unknown team changes nothing.
    const siteOf = new Map<string, string>();
    for (const teamId of new Set(rows.map((row) => row.teamId))) siteOf.set(teamId, await this.sites.siteOf(teamId));
    const days = [...groupByStream(rows).values()];
    const counts = { recorded: 0, corrected: 0, unchanged: 0 };
    for (let i = 0; i < days.length; i += PARALLEL_STREAMS) {
      const results = await Promise.all(
        days
          .slice(i, i + PARALLEL_STREAMS)
          .map(({ teamId, date, counts: dayCounts }) =>
            this.executor.execute(
              contactVolumeStream(teamId, date),
              contactVolumeDecider,
              { type: 'RecordContactVolumes', teamId, siteId: siteOf.get(teamId)!, date, counts: dayCounts },
              context,
            ),
          ),
      );
      results.forEach(({ events }, j) => {
        const recorded = events.filter((e) => e.type === 'ContactVolumeRecorded').length;
        const corrected = events.length - recorded;
        counts.recorded += recorded;
        counts.corrected += corrected;
        counts.unchanged += days[i + j].counts.length - events.length;
      });
    }
    return counts;
  }
}

function groupByStream(rows: ContactVolumeRow[]) {
  const days = new Map<
    string,
    { teamId: string; date: string; counts: Pick<ContactVolumeRow, 'channel' | 'contacts'>[] }
  >();
  for (const { teamId, date, channel, contacts } of rows) {
    const key = contactVolumeStream(teamId, date);
    const day = days.get(key) ?? { teamId, date, counts: [] };
    day.counts.push({ channel, contacts });
    days.set(key, day);
  }
  return days;
}
