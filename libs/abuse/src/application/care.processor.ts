import { Inject, Logger, Optional } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import {
  AppConfig,
  CommandExecutor,
  QUEUES,
  WEBHOOK_PUBLISHER,
  WORKER_ID,
  type WebhookMessage,
  type WebhookPublisher,
  jobContext,
} from '@frontline/platform';
import { abuseIncidentStream } from '../domain/abuse.streams';
import { type CareCommand, IncidentClosedError, SLA_BREACH, incidentDecider } from '../domain/incident.decider';
import { IncidentNotFoundError } from '../domain/incident.policy';
import { type CareJobData, type CareStep, incidentPath } from './care.jobs';

export type CareOutcome = 'alerted' | 'offered' | 'reminded' | 'escalated' | 'checked_in' | 'nothing_to_do';

/**
 * Runs the care steps. Each re-reads the incident, so a step whose job escaped removal (the
 * incident was acknowledged or closed meanwhile) does nothing; each appends with the job's own
 * context and publishes under the job's id, so a job run twice appends and delivers once.
 * Webhooks go to shared channels: they carry the team, the severity and the incident's link,
 * never who reported it, the narrative or the customer.
 */
@Processor(QUEUES.care)
export class CareProcessor extends WorkerHost {
  private readonly logger = new Logger(CareProcessor.name);

  constructor(
    private readonly executor: CommandExecutor,
    private readonly config: AppConfig,
    @Optional() @Inject(WEBHOOK_PUBLISHER) private readonly webhooks?: WebhookPublisher,
  ) {
    super();
  }

  async process(job: Job<CareJobData>): Promise<CareOutcome> {
    return this.run(job.name as CareStep, job.data.incidentId, String(job.id));
  }

  /** One care step for one incident, as the job with this id runs it. */
  async run(step: CareStep, incidentId: string, jobId: string): Promise<CareOutcome> {
    switch (step) {
      case 'alert':
        return this.alertLead(incidentId, jobId);
      case 'offer': {
        const offered = await this.append(incidentId, jobId, {
          type: 'OfferCare',
          incidentId,
          kind: 'recovery_break',
          by: WORKER_ID,
        });
        return offered ? 'offered' : 'nothing_to_do';
      }
      case 'remind':
        return this.remindLead(incidentId, jobId);
      case 'escalate':
        return this.escalate(incidentId, jobId);
      case 'check-in':
        return this.checkIn(incidentId, jobId);
      default:
        throw new Error(`Unknown care step ${String(step)}`);
    }
  }

  private async alertLead(incidentId: string, jobId: string): Promise<CareOutcome> {
    const { state } = await this.executor.load(abuseIncidentStream(incidentId), incidentDecider);
    if (state.status !== 'open') return 'nothing_to_do';
    const { teamId, severity } = state;
    await this.publish({
      id: jobId,
      type: 'CareAlertRaised',
      text: `A ${severity} abuse incident in team ${teamId} needs care: ${incidentPath(incidentId)}`,
      data: { incidentId, teamId, severity, link: incidentPath(incidentId) },
    });
    return 'alerted';
  }

  /** For the team lead's inbox only: the SLA passes at the report's time plus CARE_ACK_SLA_MS. */
  private async remindLead(incidentId: string, jobId: string): Promise<CareOutcome> {
    const { state } = await this.executor.load(abuseIncidentStream(incidentId), incidentDecider);
    if (state.status !== 'open') return 'nothing_to_do';
    const dueAt = new Date(Date.parse(state.reportedAt) + this.config.CARE_ACK_SLA_MS);
    const reminded = await this.append(incidentId, jobId, { type: 'RemindAcknowledgement', incidentId, dueAt });
    return reminded ? 'reminded' : 'nothing_to_do';
  }

  private async escalate(incidentId: string, jobId: string): Promise<CareOutcome> {
    const escalated = await this.append(incidentId, jobId, {
      type: 'EscalateIncident',
      incidentId,
      reason: SLA_BREACH,
    });
    if (!escalated) return 'nothing_to_do';
    const { teamId, severity } = escalated;
    await this.publish({
      id: jobId,
      type: 'IncidentEscalated',
      text: `Nobody acknowledged a ${severity} abuse incident in team ${teamId} in time: ${incidentPath(incidentId)}`,
      data: { incidentId, teamId, severity, reason: SLA_BREACH, link: incidentPath(incidentId) },
    });
    return 'escalated';
  }

  /** Addressed to the reporter alone: recorded for their inbox, never sent to a shared webhook. */
  private async checkIn(incidentId: string, jobId: string): Promise<CareOutcome> {
    const checked = await this.append(incidentId, jobId, { type: 'RecordCheckIn', incidentId, now: new Date() });
    return checked ? 'checked_in' : 'nothing_to_do';
  }

  /**
   * Runs a care command as this job: the incident's state when it appended an event (now or on
   * an earlier run of the same job), or nothing when the rules say there is nothing to do.
   */
  private async append(incidentId: string, jobId: string, command: CareCommand) {
    try {
      const { events, state } = await this.executor.execute(
        abuseIncidentStream(incidentId),
        incidentDecider,
        command,
        jobContext(jobId),
      );
      return events.length > 0 && state.status !== 'none' ? state : undefined;
    } catch (error) {
      // Closed, withdrawn or unknown: the care this job was for is no longer wanted.
      if (error instanceof IncidentClosedError || error instanceof IncidentNotFoundError) return undefined;
      throw error;
    }
  }

  private async publish(message: WebhookMessage): Promise<void> {
    if (!this.webhooks) {
      this.logger.warn(`No webhook publisher in this process: ${message.type} ${message.id} not sent`);
      return;
    }
    await this.webhooks.publish(message);
  }
}
