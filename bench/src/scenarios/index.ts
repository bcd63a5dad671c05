import type { Scenario } from '../scenario';
import { httpOverhead } from './http-overhead';

/** In the order they run: the replay leaves a long log behind, so it comes last. */
export const SCENARIOS: readonly Scenario[] = [httpOverhead];
