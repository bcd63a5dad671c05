import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

export { freePort } from './redis-server';

/** An app as built (`dist/`), in its own process, on the heap flags deploy/local/start.sh gives it in production. */
export function startApp(app: 'api' | 'projector', env: Record<string, string>): ChildProcess {
  const flags = app === 'api' ? ['--max-semi-space-size=8', '--max-old-space-size=160'] : ['--max-semi-space-size=16'];
  return spawn(process.execPath, [...flags, `dist/apps/${app}/src/main.js`], {
    cwd: join(__dirname, '..', '..'),
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
}

export const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

export async function stop(child: ChildProcess): Promise<void> {
  if (!running(child)) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}
