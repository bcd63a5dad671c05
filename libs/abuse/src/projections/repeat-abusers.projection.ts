import type { RecordedEvent } from '@frontline/event-store';
import type { Keyspace, Projection, RedisOp } from '@frontline/read-models';
import type { CustomerEvent } from '../domain/customer.events';

/**
 * The wellbeing officer's repeat-abuser matches: `match:<eventId>` {customerPseudonym,
 * incidentIds, distinctAgents, matchedAt} and `matches`, scored by when each was made. Agents
 * and team leads never read it (the api lets wellbeing officers only).
 */
export const repeatAbusersProjection: Projection = {
  name: 'repeatAbusers',
  eventTypes: ['RepeatAbuserMatched'],

  project(recorded: RecordedEvent, keys: Keyspace): RedisOp[] {
    const event = recorded as unknown as CustomerEvent;
    if (event.type !== 'RepeatAbuserMatched') return [];
    const { customerPseudonym, incidentIds, distinctAgents, matchedAt } = event.data;
    return [
      [
        'HSET',
        keys.key('match', recorded.id),
        'customerPseudonym',
        customerPseudonym,
        'incidentIds',
        incidentIds.join(','),
        'distinctAgents',
        distinctAgents,
        'matchedAt',
        matchedAt,
      ],
      ['ZADD', keys.key('matches'), Date.parse(matchedAt), recorded.id],
    ];
  },
};
