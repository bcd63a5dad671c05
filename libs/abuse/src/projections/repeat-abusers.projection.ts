import { defineProjection } from '@frontline/read-models';
import type { CustomerEvent } from '../domain/customer.events';
import { type RepeatAbusersKeys, repeatAbusersKeys } from './repeat-abusers.keys';

/**
 * The wellbeing officer's repeat-abuser matches (see `repeatAbusersKeys`), each under the id of
 * the event that made it. Agents and team leads never read it (the api lets wellbeing officers only).
 */
export const repeatAbusersProjection = defineProjection<CustomerEvent, RepeatAbusersKeys>({
  name: 'repeatAbusers',
  layout: repeatAbusersKeys,
  on: {
    RepeatAbuserMatched: ({ id, data: { customerPseudonym, incidentIds, distinctAgents, matchedAt } }, keys) => [
      [
        'HSET',
        keys.match(id),
        'customerPseudonym',
        customerPseudonym,
        'incidentIds',
        incidentIds.join(','),
        'distinctAgents',
        distinctAgents,
        'matchedAt',
        matchedAt,
      ],
      ['ZADD', keys.matches, Date.parse(matchedAt), id],
    ],
  },
});
