import { appendAfterDelay, describeEventStoreContract } from '../contract/event-store.contract';
import { KurrentDbEventStore } from './kurrentdb-event-store';

// Every contract test writes to fresh streams, so the suite can share a server with other data.
const connectionString = process.env.KURRENTDB_URL;

if (connectionString) {
  describeEventStoreContract(
    'kurrentdb',
    async () => {
      const store = await KurrentDbEventStore.connect({ connectionString });
      return { store, appendInSlowTransaction: appendAfterDelay(store), teardown: () => store.close() };
    },
    { reusedEventIds: 'stored', backlogCount: 'none' },
  );
} else {
  process.stderr.write('KurrentDB contract not run: KURRENTDB_URL is not set (no KurrentDB server on this machine)\n');
  // oxlint-disable-next-line jest/no-disabled-tests -- skipped on purpose: there is no server to run it against, and the title says so
  describe.skip('event store contract: kurrentdb (KURRENTDB_URL not set)', () => {
    it('needs a KurrentDB server', () => {
      expect(connectionString).toBeDefined();
    });
  });
}
