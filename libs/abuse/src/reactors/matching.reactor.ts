import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { RecordedEvent } from '@frontline/event-store';
import { QUEUES, type Reactor } from '@frontline/platform';
import type { AbuseIncidentReported } from '../domain/incident.events';
import { WORKER_JOB_OPTIONS } from '../application/job-options';
import { type MatchingJobData, matchingJobId } from '../application/matching.jobs';

/** Every report that names a customer (by pseudonym) is matched against the customer's earlier incidents. */
@Injectable()
export class MatchingReactor implements Reactor {
  readonly name = 'matching';
  readonly eventTypes = ['AbuseIncidentReported'];

  constructor(@InjectQueue(QUEUES.matching) private readonly queue: Queue<MatchingJobData>) {}

  async react(recorded: RecordedEvent): Promise<void> {
    const { data } = recorded as unknown as AbuseIncidentReported;
    if (!data.customerPseudonym) return;
    const { customerPseudonym, incidentId, agentId, occurredAt } = data;
    await this.queue.add(
      'link',
      { customerPseudonym, incidentId, agentId, occurredAt },
      { ...WORKER_JOB_OPTIONS, jobId: matchingJobId(incidentId) },
    );
  }
}
