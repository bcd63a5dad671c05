import { appendAfterDelay, describeEventStoreContract } from '../contract/event-store.contract';
import { InMemoryEventStore } from './in-memory-event-store';

describeEventStoreContract('in-memory', async () => {
  const store = new InMemoryEventStore();
  return { store, appendInSlowTransaction: appendAfterDelay(store), teardown: () => store.close() };
});
