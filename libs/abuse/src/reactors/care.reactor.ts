import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { RecordedEvent } from '@frontline/event-store';
import { AppConfig, QUEUES, type Reactor } from '@frontline/platform';
import type { IncidentEvent } from '../domain/incident.events';
import { ACK_REMINDER_SHARE, type CareJobData, type CareStep, careJobId } from '../application/care.jobs';
import { WORKER_JOB_OPTIONS } from '../application/job-options';

/** Incidents that get care: high or critical ones, and any where the agent asked for support. */
export function needsCare({ severity, supportRequested }: { severity: string; supportRequested: boolean }): boolean {
  return severity === 'high' || severity === 'critical' || supportRequested;
}

/**
 * Post-incident care: on a report that needs it, alert the team lead and offer a recovery break
 * at once, remind the lead (inbox) before the acknowledge SLA passes, escalate after it and check in with the agent later (both timed
 * from the report, so a replay after a crash keeps the same deadlines). Acknowledging removes
 * the pending escalation; closing or withdrawing removes it and the check-in. The processor
 * re-reads the incident anyway, so a job that escaped removal does nothing.
 */
@Injectable()
export class CareReactor implements Reactor {
  readonly name = 'care';
  readonly eventTypes = ['AbuseIncidentReported', 'IncidentAcknowledged', 'IncidentClosed', 'IncidentWithdrawn'];

  constructor(
    @InjectQueue(QUEUES.care) private readonly queue: Queue<CareJobData>,
    private readonly config: AppConfig,
  ) {}

  async react(recorded: RecordedEvent): Promise<void> {
    const event = recorded as unknown as IncidentEvent;
    switch (event.type) {
      case 'AbuseIncidentReported': {
        if (!needsCare(event.data)) return;
        const { incidentId, reportedAt } = event.data;
        const after = (ms: number) => Math.max(0, Date.parse(reportedAt) + ms - Date.now());
        await this.add('alert', incidentId, 0);
        await this.add('offer', incidentId, 0);
        await this.add('remind', incidentId, after(this.config.CARE_ACK_SLA_MS * ACK_REMINDER_SHARE));
        await this.add('escalate', incidentId, after(this.config.CARE_ACK_SLA_MS));
        await this.add('check-in', incidentId, after(this.config.CARE_CHECK_IN_MS));
        return;
      }
      case 'IncidentAcknowledged':
        await this.queue.remove(careJobId('remind', event.data.incidentId));
        await this.queue.remove(careJobId('escalate', event.data.incidentId));
        return;
      case 'IncidentClosed':
      case 'IncidentWithdrawn':
        await this.queue.remove(careJobId('remind', event.data.incidentId));
        await this.queue.remove(careJobId('escalate', event.data.incidentId));
        await this.queue.remove(careJobId('check-in', event.data.incidentId));
        return;
      default:
        return;
    }
  }

  private async add(step: CareStep, incidentId: string, delay: number): Promise<void> {
    await this.queue.add(step, { incidentId }, { ...WORKER_JOB_OPTIONS, jobId: careJobId(step, incidentId), delay });
  }
}
