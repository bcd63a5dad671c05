import { directoryProjection } from '@frontline/directory';
import type { Projection } from '@frontline/read-models';

/** Every read model the projector builds and the api reads. */
export const ALL_PROJECTIONS: readonly Projection[] = [directoryProjection];
