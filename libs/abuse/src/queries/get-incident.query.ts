import { Query } from '@nestjs/cqrs';
import type { Actor } from '@frontline/platform';
import type { IncidentRecord } from '../domain/incident.view';

export type IncidentView = Partial<IncidentRecord> & Pick<IncidentRecord, 'incidentId' | 'status'>;

export class GetIncidentQuery extends Query<IncidentView> {
  constructor(
    readonly incidentId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
