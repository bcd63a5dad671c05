import type { DomainEvent } from '@frontline/decider';
import type { Channel } from './abuse.vocabulary';

/** `siteId`: the site of the team; absent on older counts, whose readers take the team as its site. */
export type ContactVolumeRecorded = DomainEvent<
  'ContactVolumeRecorded',
  { teamId: string; siteId?: string; date: string; channel: Channel; contacts: number }
>;
export type ContactVolumeCorrected = DomainEvent<
  'ContactVolumeCorrected',
  { teamId: string; siteId?: string; date: string; channel: Channel; contacts: number; previous: number }
>;

export type ContactVolumeEvent = ContactVolumeRecorded | ContactVolumeCorrected;
