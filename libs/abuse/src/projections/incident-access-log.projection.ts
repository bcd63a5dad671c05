import { type RedisOp, defineProjection } from '@frontline/read-models';
import type { IncidentAccessEvent } from '../domain/incident-access.events';
import { type IncidentAccessLogKeys, encodeAccessEntry, incidentAccessLogKeys } from './incident-access-log.keys';

/**
 * Who was given each incident, for its reporter (see `incidentAccessLogKeys`): an entry for each
 * time it was opened, under the event's id and the incident's place in it; and one for each reader
 * who saw it in a queue that day, at the last time they did (a carer reloads the queue all day:
 * every page is in the log, but the reporter reads one line a day for it). Written the same
 * whenever an event is applied again. Names are not stored: the query reads them from the
 * directory, so an erased reader reads as erased.
 */
export const incidentAccessLogProjection = defineProjection<IncidentAccessEvent, IncidentAccessLogKeys>({
  name: 'incidentAccessLog',
  layout: incidentAccessLogKeys,
  on: {
    IncidentsAccessed: ({ id, data: { readerId, role, via, at, incidents } }, keys) =>
      incidents.flatMap(({ incidentId, narrative }, i): RedisOp[] => {
        const entryId = via === 'queue' ? `queue:${readerId}:${at.slice(0, 10)}` : `${id}:${i}`;
        return [
          ['HSET', keys.entries(incidentId), entryId, encodeAccessEntry({ readerId, role, via, narrative, at })],
          ['ZADD', keys.log(incidentId), Date.parse(at), entryId],
        ];
      }),
  },
});
