import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { AppConfig, CommandExecutor, QUEUES, jobContext } from '@frontline/platform';
import { customerStream } from '../domain/abuse.streams';
import { customerDecider } from '../domain/customer.decider';
import type { CustomerEvent } from '../domain/customer.events';
import type { MatchingJobData } from './matching.jobs';

/**
 * Links a reported incident to its customer's stream (by pseudonym only); the customer decider
 * records a repeat-abuser match when enough distinct agents reported them within the window.
 */
@Processor(QUEUES.matching)
export class MatchingProcessor extends WorkerHost {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async process(job: Job<MatchingJobData>): Promise<CustomerEvent[]> {
    return this.link(job.data, String(job.id));
  }

  /** The events this job appended (now or on an earlier run of it). */
  async link({ customerPseudonym, incidentId, agentId, occurredAt }: MatchingJobData, jobId: string) {
    const context = jobContext(jobId);
    const { events } = await this.executor.execute(
      customerStream(customerPseudonym),
      customerDecider,
      {
        type: 'LinkCustomerIncident',
        customerPseudonym,
        incident: { incidentId, agentId, occurredAt },
        minAgents: this.config.MATCH_MIN_AGENTS,
        now: context.now,
      },
      context,
    );
    return events;
  }
}
