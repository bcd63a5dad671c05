// Run by kurrentdb-process-guard.e2e.spec.ts in a child process: an app's entry point (runMain) sends
// many appends at once to the KurrentDB at argv[2], whose connection breaks while they are queued.
const { readFileSync } = require('node:fs');
const ts = require('typescript');

// The sources as they are, compiled on the way in, as ts-jest does for the specs.
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2023,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      esModuleInterop: true,
    },
  });
  // oxlint-disable-next-line no-underscore-dangle -- Node's own hook for compiled sources
  module._compile(outputText, filename);
};

const { randomUUID } = require('node:crypto');
const { runMain } = require('../../libs/platform/src/main-runner.ts');
const { KurrentDbEventStore } = require('../../libs/event-store/src/kurrentdb/kurrentdb-event-store.ts');

runMain(async () => {
  const store = await KurrentDbEventStore.connect({
    connectionString: process.argv[2],
    appendTimeoutMs: 10_000,
    logger: { warn: () => undefined },
  });
  // Large events fill HTTP/2 flow control, so most appends wait in the client's write queue.
  const event = () => ({
    id: randomUUID(),
    type: 'Stormed',
    data: { padding: 'x'.repeat(100_000) },
    metadata: { correlationId: randomUUID(), causationId: randomUUID(), actorId: 'storm', schemaVersion: 1 },
  });
  const outcomes = await Promise.allSettled(
    Array.from({ length: 60 }, (_, i) => store.appendToStream(`storm-${i}`, [event()], { expectedRevision: 'any' })),
  );
  await new Promise((resolve) => setTimeout(resolve, 300)); // late rejections have surfaced by now
  process.stdout.write(
    JSON.stringify({
      outcomes: [
        ...new Set(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? 'appended' : outcome.reason.name))),
      ],
      unhandledRejections: require('../../libs/platform/src/process-guard.ts').processFaults.count,
    }),
  );
  await store.close();
});
