import {
  abuseDashboardProjection,
  incidentAccessLogProjection,
  incidentQueueProjection,
  repeatAbusersProjection,
} from '@frontline/abuse';
import { directoryProjection } from '@frontline/directory';
import { inboxProjection } from '@frontline/inbox';
import type { Projection } from '@frontline/read-models';
import { recognitionFeedProjection, recognitionStatsProjection } from '@frontline/recognition';
import { myWellbeingProjection, wellbeingTrendsProjection } from '@frontline/wellbeing';

/** Every read model the projector builds and the api reads. */
export const ALL_PROJECTIONS: readonly Projection[] = [
  directoryProjection,
  incidentQueueProjection,
  abuseDashboardProjection,
  repeatAbusersProjection,
  incidentAccessLogProjection,
  recognitionFeedProjection,
  recognitionStatsProjection,
  wellbeingTrendsProjection,
  myWellbeingProjection,
  inboxProjection,
];
