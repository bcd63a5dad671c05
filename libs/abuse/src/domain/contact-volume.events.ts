import type { DomainEvent } from '@frontline/decider';
import type { Channel } from './abuse.vocabulary';

export type ContactVolumeRecorded = DomainEvent<
  'ContactVolumeRecorded',
  { teamId: string; date: string; channel: Channel; contacts: number }
>;
export type ContactVolumeCorrected = DomainEvent<
  'ContactVolumeCorrected',
  { teamId: string; date: string; channel: Channel; contacts: number; previous: number }
>;

export type ContactVolumeEvent = ContactVolumeRecorded | ContactVolumeCorrected;
