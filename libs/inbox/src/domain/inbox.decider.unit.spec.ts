import { deciderSpecification } from '@frontline/testing';
import type { InboxReadUpTo } from './inbox.events';
import { inboxDecider } from './inbox.decider';

const { given } = deciderSpecification(inboxDecider);
const now = new Date('2026-12-07T10:00:00.000Z');
const item = (n: number) => `pg:${String(n).padStart(20, '0')}-${String(n).padStart(20, '0')}.00`;
const read = (upTo: string): InboxReadUpTo => ({
  type: 'InboxReadUpTo',
  data: { personId: 'a1', upTo, at: now.toISOString() },
});
const mark = (upTo: string) => ({ type: 'MarkInboxRead' as const, personId: 'a1', upTo, now });

describe('inbox decider', () => {
  it('marks the inbox read up to an item', () =>
    given([])
      .when(mark(item(5)))
      .then([read(item(5))]));

  it('moves the marker forward only: the same item or an older one changes nothing', () => {
    given([read(item(5))])
      .when(mark(item(5)))
      .then([]);
    given([read(item(5))])
      .when(mark(item(3)))
      .then([]);
    given([read(item(5))])
      .when(mark(item(7)))
      .then([read(item(7))]);
  });
});
