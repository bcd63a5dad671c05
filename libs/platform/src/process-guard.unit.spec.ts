import { processFaults } from './process-guard';

describe('process faults', () => {
  it('count against readiness for a minute after an unhandled rejection, with its reason', () => {
    const before = processFaults.count;
    processFaults.record(new Error('write after the stream failed'));
    const at = Date.now();

    expect(processFaults.count).toBe(before + 1);
    expect(processFaults.recent(at + 59_000)).toMatchObject({ reason: 'write after the stream failed' });
    expect(processFaults.recent(at + 61_000)).toBeUndefined();
  });
});
