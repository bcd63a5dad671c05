import type { RecordedEvent as KurrentRecordedEvent } from '@kurrent/kurrentdb-client';
import { ForeignLogPositionError } from '../log-position';
import { toPortError, toRecordedEvent } from './kurrentdb-event-store';

function stored(position: KurrentRecordedEvent['position']): KurrentRecordedEvent {
  return {
    streamId: 'team-1',
    id: '8f5f4a4e-8f53-4a51-9a3d-0a4d3c5f0e11',
    revision: 0n,
    type: 'TeamCreated',
    data: { name: 'Support' },
    metadata: {},
    isJson: true,
    created: new Date(),
    position,
  } as KurrentRecordedEvent;
}

describe('events read from KurrentDB', () => {
  it('carry their log position, marked as written by KurrentDB', () => {
    expect(toRecordedEvent(stored({ commit: 42n, prepare: 41n })).position).toBe(
      'kdb:00000000000000000042-00000000000000000041',
    );
  });

  it.each([
    ['no position', undefined],
    ["KurrentDB's -1 for none", { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n }],
  ])('are refused with %s, rather than given a position that sorts wrongly', (_, position) => {
    expect(() => toRecordedEvent(stored(position))).toThrow(/without its log position/);
  });
});

describe('errors of the KurrentDB adapter', () => {
  it('leave a position of another store as it is, for the message that says what to do', () => {
    const foreign = new ForeignLogPositionError('pg:1-2', 'kdb');

    expect(toPortError(foreign, '$all')).toBe(foreign);
  });
});
