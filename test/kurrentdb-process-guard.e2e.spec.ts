import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { type FakeKurrentDb, GRPC, answerCall, failCall, grpcKurrentDb, supportedMethods } from '@frontline/testing';

const STORM = join(__dirname, 'support', 'append-storm.cjs');

/** Runs the storm in a child process of its own: what is at stake is whether that process survives. */
function runStorm(url: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [STORM, url], {
      env: { ...process.env, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('an app whose KurrentDB connection breaks under load (no KurrentDB needed)', () => {
  let fake: FakeKurrentDb;

  beforeAll(async () => {
    // Takes batch appends, never reads them (so they back up behind flow control), then drops the connection.
    fake = await grpcKurrentDb(
      (call) => {
        if (call.path === GRPC.supportedMethods) return answerCall(call, supportedMethods(GRPC.batchAppend));
        if (call.path === GRPC.batchAppend) return void setTimeout(() => call.session.socket.destroy(), 500);
        failCall(call, 12, 'not implemented by the fake');
      },
      { readRequests: false },
    );
  });
  afterAll(async () => fake?.close());

  it('stays alive, answers every queued append as unavailable, and logs the rejections the client left unhandled', async () => {
    const { code, stdout, stderr } = await runStorm(fake.url);

    expect({ code, stderr: stderr.split('\n').find((line) => !line.includes('unhandled rejection')) ?? '' }).toEqual({
      code: 0,
      stderr: '',
    });
    const { outcomes, unhandledRejections } = JSON.parse(stdout);
    expect(outcomes).toEqual(['EventStoreUnavailableError']);
    // The client's own bug did fire: without the guard, the first of these ends the process.
    expect(unhandledRejections).toBeGreaterThan(0);
    expect(stderr).toContain('unhandled rejection, process kept running');
  });
});
