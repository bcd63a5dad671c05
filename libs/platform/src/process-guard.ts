/** How long readiness stays red after an unhandled rejection: long enough for a load balancer to notice. */
const FAULT_HOLD_MS = 60_000;

interface Fault {
  reason: string;
  at: number;
}

/**
 * Faults of the process itself, beside its connections. The KurrentDB client leaves some of its
 * promises without a handler when a connection breaks under load; Node would end the process on
 * the first one, mid-write for every other request. Logged and shown in readiness instead.
 */
class ProcessFaults {
  private last?: Fault;
  count = 0;

  record(reason: unknown): void {
    this.count += 1;
    this.last = { reason: reason instanceof Error ? reason.message : String(reason), at: Date.now() };
  }

  /** The latest fault while it still counts against readiness. */
  recent(now = Date.now()): Fault | undefined {
    return this.last && now - this.last.at < FAULT_HOLD_MS ? this.last : undefined;
  }
}

export const processFaults = new ProcessFaults();

let guarded = false;

/** Logs unhandled rejections and records them for readiness, instead of letting Node end the process. */
export function guardUnhandledRejections(log: (line: string) => void = (line) => process.stderr.write(line)): void {
  if (guarded) return;
  guarded = true;
  process.on('unhandledRejection', (reason) => {
    processFaults.record(reason);
    const message = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
    log(`${JSON.stringify({ level: 'error', msg: `unhandled rejection, process kept running: ${message}` })}\n`);
  });
}
