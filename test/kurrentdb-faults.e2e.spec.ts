import {
  type FakeCall,
  type FakeKurrentDb,
  GRPC,
  answerCall,
  answerEmpty,
  failCall,
  grpcKurrentDb,
  supportedMethods,
} from '@frontline/testing';
import { type TestApi, person, startTestApi } from './support/test-api';

/**
 * The apps on KurrentDB when it misbehaves, with a local stand-in for the server: its reads
 * answer (empty), and appends and subscriptions get what each test says.
 */
function kurrentDb({
  append = () => undefined,
  subscribe = () => undefined,
}: {
  append?: (call: FakeCall) => void;
  subscribe?: (call: FakeCall) => void;
}): Promise<FakeKurrentDb> {
  return grpcKurrentDb((call) => {
    if (call.path === GRPC.supportedMethods) return answerCall(call, supportedMethods(GRPC.batchAppend));
    if (call.path === GRPC.batchAppend) return append(call);
    // Subscriptions go over the client's gRPC channel, reads over its native bridge.
    if (call.path === GRPC.read) return call.userAgent.startsWith('grpc-node-js') ? subscribe(call) : answerEmpty(call);
    failCall(call, 12, 'not implemented by the fake');
  });
}

const admin = person(['admin']);
const BOUNDS = { KURRENTDB_APPEND_TIMEOUT_MS: '500', KURRENTDB_READ_TIMEOUT_MS: '5000' };

async function onKurrentDb(label: string, fake: FakeKurrentDb, options?: { projector: boolean }): Promise<TestApi> {
  return startTestApi(label, { EVENT_STORE: 'kurrentdb', KURRENTDB_URL: fake.url, ...BOUNDS }, options);
}

describe('the api on a KurrentDB whose appends misbehave (no KurrentDB needed)', () => {
  let fake: FakeKurrentDb;
  let api: TestApi;
  let append: (call: FakeCall) => void = () => undefined;

  beforeAll(async () => {
    fake = await kurrentDb({ append: (call) => append(call) });
    api = await onKurrentDb('kurrent_appends', fake);
  });
  afterAll(async () => {
    await api?.close();
    await fake?.close();
  });

  it('answers a command 503 when appends hang, and readiness goes red while reads still answer', async () => {
    append = () => undefined;
    expect((await api.request({ method: 'GET', url: '/health/ready' })).status).toBe(200);

    const created = await api.request({ method: 'POST', url: '/v1/teams', as: admin, body: { name: 'Support' } });

    expect(created.status).toBe(503);
    expect(created.headers['content-type']).toMatch(/^application\/problem\+json/);
    const ready = await api.request({ method: 'GET', url: '/health/ready' });
    expect(ready).toMatchObject({ status: 503, body: { type: '/problems/unavailable' } });
  });

  it('answers a command 503 when the connection resets mid-append', async () => {
    append = (call) => call.stream.once('data', () => call.session.socket.destroy());

    const created = await api.request({ method: 'POST', url: '/v1/teams', as: admin, body: { name: 'Support' } });

    expect(created).toMatchObject({ status: 503, body: { status: 503, title: 'The event store is unavailable' } });
  });
});

describe('projections on a KurrentDB whose subscriptions misbehave (no KurrentDB needed)', () => {
  let fake: FakeKurrentDb | undefined;
  let api: TestApi | undefined;

  afterEach(async () => {
    await api?.close();
    await fake?.close();
    api = fake = undefined;
  });

  it('shows a projection whose subscription is refused (PermissionDenied) as failed, with the cause', async () => {
    fake = await kurrentDb({
      subscribe: (call) => failCall(call, 7, 'Access denied', { exception: 'access-denied' }),
    });
    api = await onKurrentDb('kurrent_denied', fake, { projector: true });

    const directory = await eventuallyProjection(api, (status) => status.state === 'failed');

    expect(directory).toMatchObject({ state: 'failed', error: expect.stringMatching(/subscription.*failed/i) });
  });

  it('never shows a projection live while its subscription cannot get an answer', async () => {
    fake = await kurrentDb({ subscribe: () => undefined });
    api = await onKurrentDb('kurrent_stalled', fake, { projector: true });

    // Several times the runner's idle wait (250 ms), after which it used to call itself live.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const { body } = await api.request({ method: 'GET', url: '/v1/projections', as: admin });

    expect(
      body.projections.map((projection: { serving: { state: string } }) => projection.serving.state),
    ).not.toContain('live');
  });
});

async function eventuallyProjection(
  api: TestApi,
  done: (status: { state: string; error?: string }) => boolean,
): Promise<{ state: string; error?: string }> {
  for (const deadline = Date.now() + 10_000; ;) {
    const { body } = await api.request({ method: 'GET', url: '/v1/projections', as: admin });
    const directory = body.projections.find((projection: { name: string }) => projection.name === 'directory').serving;
    if (done(directory) || Date.now() > deadline) return directory;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
