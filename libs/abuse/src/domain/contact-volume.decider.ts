import { type Decider, DomainError, assertNever } from '@frontline/decider';
import { type Channel, MAX_CONTACTS_PER_DAY } from './abuse.vocabulary';
import type { ContactVolumeEvent } from './contact-volume.events';

/** Contacts handled by one team on one day, per channel. */
export type ContactVolumeState = { contacts: Partial<Record<Channel, number>> };

export type RecordContactVolumes = {
  type: 'RecordContactVolumes';
  teamId: string;
  /** The team's site, from the directory. */
  siteId: string;
  date: string;
  counts: { channel: Channel; contacts: number }[];
};

export type ContactVolumeCommand = RecordContactVolumes;

export class InvalidContactCountError extends DomainError {
  readonly code = 'invalid-contact-count';
  readonly kind = 'invalid';
}

export const contactVolumeDecider: Decider<ContactVolumeCommand, ContactVolumeEvent, ContactVolumeState> = {
  initialState: () => ({ contacts: {} }),

  decide(command, state) {
    switch (command.type) {
      case 'RecordContactVolumes': {
        const { teamId, siteId, date } = command;
        const events: ContactVolumeEvent[] = [];
        // Counts apply in order, so the same channel twice in one import ends at its last count.
        let current = state;
        for (const { channel, contacts } of command.counts) {
          if (!Number.isInteger(contacts) || contacts < 0 || contacts > MAX_CONTACTS_PER_DAY) {
            throw new InvalidContactCountError(
              `Contacts are a whole number from 0 to ${MAX_CONTACTS_PER_DAY} a day, not ${contacts}`,
            );
          }
          const previous = current.contacts[channel];
          if (previous === contacts) continue;
          const event: ContactVolumeEvent =
            previous === undefined
              ? { type: 'ContactVolumeRecorded', data: { teamId, siteId, date, channel, contacts } }
              : { type: 'ContactVolumeCorrected', data: { teamId, siteId, date, channel, contacts, previous } };
          events.push(event);
          current = contactVolumeDecider.evolve(current, event);
        }
        return events;
      }
      default:
        return assertNever(command.type);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ContactVolumeRecorded':
      case 'ContactVolumeCorrected':
        return { contacts: { ...state.contacts, [event.data.channel]: event.data.contacts } };
      default:
        return state;
    }
  },
};
