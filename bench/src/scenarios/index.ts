import type { Scenario } from '../scenario';
import { append } from './append';
import { campaignFanOut } from './campaign-fan-out';
import { commands } from './commands';
import { httpOverhead } from './http-overhead';
import { orgGrowth } from './org-growth';
import { incidentReads } from './incident-reads';
import { liveStreams } from './live-streams';
import { peer } from './peer';
import { projectionLag } from './projection-lag';
import { provisioning } from './provisioning';
import { queries } from './queries';
import { replay } from './replay';
import { webApp } from './web-app';

/** In the order they run: the replay leaves a long log behind, so it comes last. */
export const SCENARIOS: readonly Scenario[] = [
  httpOverhead,
  commands,
  incidentReads,
  provisioning,
  append,
  peer,
  projectionLag,
  liveStreams,
  webApp,
  campaignFanOut,
  queries,
  orgGrowth,
  replay,
];
