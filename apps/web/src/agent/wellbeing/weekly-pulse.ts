import { isoWeek } from '../../../../../libs/decider/src/calendar';
import type { components } from '../../api/schema.gen';

type Pulse = components['schemas']['MyWellbeingResponse']['pulses'][number];
export type PulseQuestion = 'mood' | 'energy' | 'workload';
export const PULSE_QUESTIONS: readonly PulseQuestion[] = ['mood', 'energy', 'workload'];
/** Scores as the radio buttons hold them (strings); the api takes them as numbers. */
export const PULSE_SCORES = ['1', '2', '3', '4', '5'] as const;

/** This week's answer, if the person gave it: one pulse per ISO week, weeks in UTC as the api counts them. */
export const thisWeeksPulse = (pulses: readonly Pulse[], now: Date): Pulse | undefined =>
  pulses.find((pulse) => pulse.isoWeek === isoWeek(now));

/** The day an activity is logged for by default: today, as the api counts days (UTC). */
export const today = (now: Date) => now.toISOString().slice(0, 10);
