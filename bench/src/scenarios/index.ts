import type { Scenario } from '../scenario';
import { campaignFanOut } from './campaign-fan-out';
import { httpOverhead } from './http-overhead';
import { projectionLag } from './projection-lag';

/** In the order they run: the replay leaves a long log behind, so it comes last. */
export const SCENARIOS: readonly Scenario[] = [httpOverhead, projectionLag, campaignFanOut];
