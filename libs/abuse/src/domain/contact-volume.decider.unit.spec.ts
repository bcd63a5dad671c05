import { deciderSpecification } from '@frontline/testing';
import { InvalidContactCountError, contactVolumeDecider } from './contact-volume.decider';
import { MAX_CONTACTS_PER_DAY } from './abuse.vocabulary';
import type { ContactVolumeEvent } from './contact-volume.events';

const { given } = deciderSpecification(contactVolumeDecider);
const teamId = 't1';
const siteId = 's1';
const date = '2025-10-06';
const recorded: ContactVolumeEvent = {
  type: 'ContactVolumeRecorded',
  data: { teamId, siteId, date, channel: 'phone', contacts: 120 },
};
const record = (counts: { channel: 'phone' | 'chat'; contacts: number }[]) => ({
  type: 'RecordContactVolumes' as const,
  teamId,
  siteId,
  date,
  counts,
});

describe('contact volume decider', () => {
  it('records a count the first time, in the site of the team', () =>
    given([])
      .when(record([{ channel: 'phone', contacts: 120 }]))
      .then([recorded]));

  it('records nothing when the count is the same', () =>
    given([recorded])
      .when(record([{ channel: 'phone', contacts: 120 }]))
      .then([]));

  it('corrects a changed count and keeps the previous one', () =>
    given([recorded])
      .when(record([{ channel: 'phone', contacts: 130 }]))
      .then([
        {
          type: 'ContactVolumeCorrected',
          data: { teamId, siteId, date, channel: 'phone', contacts: 130, previous: 120 },
        },
      ]));

  it('keeps channels apart', () =>
    given([recorded])
      .when(record([{ channel: 'chat', contacts: 0 }]))
      .then([{ type: 'ContactVolumeRecorded', data: { teamId, siteId, date, channel: 'chat', contacts: 0 } }]));

  it('refuses a negative or fractional count', () => {
    given([])
      .when(record([{ channel: 'phone', contacts: -1 }]))
      .thenThrows(InvalidContactCountError);
    given([])
      .when(record([{ channel: 'phone', contacts: 1.5 }]))
      .thenThrows(InvalidContactCountError);
  });

  it('refuses more contacts than one team can take on a channel in a day', () => {
    given([])
      .when(record([{ channel: 'phone', contacts: MAX_CONTACTS_PER_DAY }]))
      .then([
        {
          type: 'ContactVolumeRecorded',
          data: { teamId, siteId, date, channel: 'phone', contacts: MAX_CONTACTS_PER_DAY },
        },
      ]);
    given([])
      .when(record([{ channel: 'phone', contacts: 1e20 }]))
      .thenThrows(InvalidContactCountError);
  });
});
