import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { utcDateOf } from '@frontline/decider';
import { EVENT_STORE, type EventStore } from '@frontline/event-store';
import { incidentAccessStream } from '../domain/abuse.streams';
import type { IncidentsAccessed } from '../domain/incident-access.events';

/**
 * Records who was given incidents before the answer leaves: an answer whose access is not in the
 * log is not sent (503). One small append per answer, with no expected revision, to the reader's
 * stream of the day: nothing else writes there, so it never conflicts, and the event store writes
 * the appends of concurrent reads together (PostgreSQL: one INSERT and one commit for the appends
 * queued behind the one in flight).
 */
@Injectable()
export class IncidentAccessRecorder {
  private readonly logger = new Logger(IncidentAccessRecorder.name);

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async record(access: IncidentsAccessed | undefined): Promise<void> {
    if (access === undefined) return;
    const { readerId, at } = access.data;
    const id = randomUUID();
    try {
      await this.store.appendToStream(
        incidentAccessStream(readerId, utcDateOf(new Date(at))),
        [
          {
            id,
            type: access.type,
            data: access.data,
            metadata: { correlationId: id, causationId: id, actorId: readerId, schemaVersion: 1 },
          },
        ],
        { expectedRevision: 'any' },
      );
    } catch (error) {
      this.logger.error(error);
      throw new ServiceUnavailableException(
        'Your access to the incident could not be recorded, so it is not shown; try again in a moment',
      );
    }
  }
}
