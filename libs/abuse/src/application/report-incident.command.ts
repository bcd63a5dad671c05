import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@frontline/platform';
import type { AbuseKind, Channel, Severity } from '../domain/abuse.vocabulary';

/** What the agent tells us, in the clear; the handler encrypts and pseudonymises before anything is stored. */
export interface IncidentReport {
  incidentId: string;
  channel: Channel;
  kinds: AbuseKind[];
  severity: Severity;
  occurredAt: string;
  contactRef?: string;
  customerRef?: string;
  narrative?: string;
  supportRequested: boolean;
  shareNarrativeWithLead: boolean;
}

export class ReportIncidentCommand extends Command<{ incidentId: string }> {
  constructor(
    readonly report: IncidentReport,
    readonly context: CommandContext,
  ) {
    super();
  }
}
