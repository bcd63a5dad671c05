import { Query } from '@nestjs/cqrs';
import type { Page } from '@frontline/read-models';

export interface RepeatAbuserMatch {
  matchId: string;
  customerPseudonym: string;
  incidentIds: string[];
  distinctAgents: number;
  matchedAt: string;
}

/** Repeat-abuser matches, newest first: for wellbeing officers only (the controller's role check). */
export class RepeatAbusersQuery extends Query<{ items: RepeatAbuserMatch[]; nextCursor: string | null }> {
  constructor(readonly page: Page) {
    super();
  }
}
