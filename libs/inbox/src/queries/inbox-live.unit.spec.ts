import { formatLiveId, isAfter } from '@frontline/read-models';
import { inboxItemId } from '../projections/inbox.keys';
import { liveIdOfItem } from './inbox-live';

describe('an inbox item as a place in the log', () => {
  const position = 'pg:00000000000000000812-00000000000000004711';

  it('is the position of its event and its place among that event’s items', () => {
    expect(liveIdOfItem(inboxItemId(position, 3))).toEqual({ position, n: 3 });
    expect(formatLiveId(liveIdOfItem(inboxItemId(position, 0)))).toBe(`${position}.0`);
  });

  it('orders as the items do: by position, then by place, a whole position after each of its items', () => {
    const later = 'pg:00000000000000000813-00000000000000000001';
    expect(isAfter(liveIdOfItem(inboxItemId(position, 1)), liveIdOfItem(inboxItemId(position, 0)))).toBe(true);
    expect(isAfter(liveIdOfItem(inboxItemId(later, 0)), liveIdOfItem(inboxItemId(position, 9)))).toBe(true);
    expect(isAfter({ position }, liveIdOfItem(inboxItemId(position, 9)))).toBe(true);
  });
});
