import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@frontline/decider';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@frontline/event-store';
import { AppConfig, CommandExecutor, type CommandContext } from '@frontline/platform';
import { ReadModels } from '@frontline/read-models';
import { badgeWinners, campaignSummary } from '../domain/campaign-activity';
import { dayOfStep, dayStep } from '../domain/campaign-steps';
import { type StepInputs, campaignDecider } from '../domain/campaign.decider';
import type { CampaignPlanned, CampaignStepEvent } from '../domain/campaign.events';
import { campaignStream } from '../domain/campaign.streams';
import { CampaignActivityReader } from './campaign-activity.reader';
import { mostReactedKudos } from './campaign-headlines';

/**
 * Runs one step of a campaign, as a job does: works out what the step needs (headlines,
 * badges, summary), then appends its events through the decider, which refuses a step after
 * a cancel or close, a step already run, and a step whose predecessors have not run.
 */
@Injectable()
export class CampaignStepRunner {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
    private readonly activity: CampaignActivityReader,
    private readonly config: AppConfig,
  ) {}

  async run(campaignId: string, step: string, context: CommandContext): Promise<CampaignStepEvent[]> {
    const stream = campaignStream(campaignId);
    const [planned] = await this.store.readStream(stream, { maxCount: 1 });
    if (planned?.type !== 'CampaignPlanned') throw new NotFoundError(`No campaign ${campaignId}`);
    const inputs = await this.inputsFor(step, planned as RecordedEvent<'CampaignPlanned', CampaignPlanned['data']>);
    const { events } = await this.executor.execute(
      stream,
      campaignDecider,
      { type: 'RunCampaignStep', step, inputs, now: context.now },
      context,
    );
    return events as CampaignStepEvent[];
  }

  private async inputsFor(
    step: string,
    planned: RecordedEvent<'CampaignPlanned', CampaignPlanned['data']>,
  ): Promise<StepInputs> {
    const at = (name: string) => new Date(planned.data.steps.find((s) => s.step === name)?.at ?? 0);
    const day = dayOfStep(step);
    const [start, end] = [at('start'), at('close')];
    if (day !== undefined && step === dayStep(day, 'headlines')) {
      return { headlines: await mostReactedKudos(this.readModels, at(dayStep(day, 'open')), at(step)) };
    }
    if (step === 'final-headlines') return { headlines: await mostReactedKudos(this.readModels, start, end) };
    if (step === 'badges' || step === 'close') {
      const activity = await this.activity.read(planned.data.campaignId, planned.position, start, end);
      return step === 'badges'
        ? { badges: badgeWinners(activity) }
        : { summary: campaignSummary(activity, this.config.PRIVACY_MIN_GROUP) };
    }
    return {};
  }
}
