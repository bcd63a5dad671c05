import type { Decider, DomainEvent } from '@frontline/decider';
import { InMemoryEventStore } from '@frontline/event-store';
import { CommandExecutor } from './command-executor';
import { jobContext } from './system-context';

type Counted = DomainEvent<'Counted', { to: number }>;
/** Counts up by one; the event says to which number, so a decision on a stale state shows. */
const counter: Decider<'count', Counted, number> = {
  initialState: () => 0,
  decide: (_, count) => [{ type: 'Counted', data: { to: count + 1 } }],
  evolve: (_, event) => event.data.to,
};

class CountingReads extends InMemoryEventStore {
  reads = 0;
  override readStream(...args: Parameters<InMemoryEventStore['readStream']>) {
    this.reads++;
    return super.readStream(...args);
  }
}

describe('CommandExecutor with a stream the caller has loaded', () => {
  let store: CountingReads;
  let executor: CommandExecutor;

  beforeEach(async () => {
    store = new CountingReads();
    executor = new CommandExecutor(store);
    await executor.execute('counter-1', counter, 'count', jobContext('first'));
  });

  it('decides on the loaded state without reading the stream again', async () => {
    const loaded = await executor.load('counter-1', counter);
    store.reads = 0;

    const { events } = await executor.execute('counter-1', counter, 'count', jobContext('second'), { loaded });

    expect(events).toEqual([{ type: 'Counted', data: { to: 2 } }]);
    expect(store.reads).toBe(0);
  });

  it('reads afresh and decides again when the stream changed after it was loaded', async () => {
    const loaded = await executor.load('counter-1', counter);
    await executor.execute('counter-1', counter, 'count', jobContext('meanwhile'));

    const { events } = await executor.execute('counter-1', counter, 'count', jobContext('second'), { loaded });

    expect(events).toEqual([{ type: 'Counted', data: { to: 3 } }]);
    expect((await store.readStream('counter-1')).map((event) => event.data)).toEqual([{ to: 1 }, { to: 2 }, { to: 3 }]);
  });
});
