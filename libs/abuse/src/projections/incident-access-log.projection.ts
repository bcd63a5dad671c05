import { type RedisOp, defineProjection } from '@frontline/read-models';
import type { IncidentAccessEvent } from '../domain/incident-access.events';
import { type IncidentAccessLogKeys, encodeAccessEntry, incidentAccessLogKeys } from './incident-access-log.keys';

/**
 * Who was given each incident, for its reporter (see `incidentAccessLogKeys`): one entry per
 * incident of each recorded answer, under the event's id, so a replay writes nothing new. Names
 * are not stored: the query reads them from the directory, so an erased reader reads as erased.
 */
export const incidentAccessLogProjection = defineProjection<IncidentAccessEvent, IncidentAccessLogKeys>({
  name: 'incidentAccessLog',
  layout: incidentAccessLogKeys,
  on: {
    IncidentsAccessed: ({ id, data: { readerId, role, via, at, incidents } }, keys) =>
      incidents.flatMap(({ incidentId, narrative }, i): RedisOp[] => {
        const entryId = `${id}:${i}`;
        return [
          ['HSET', keys.entries(incidentId), entryId, encodeAccessEntry({ readerId, role, via, narrative, at })],
          ['ZADD', keys.log(incidentId), Date.parse(at), entryId],
        ];
      }),
  },
});
