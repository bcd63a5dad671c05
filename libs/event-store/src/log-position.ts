import type { LogPosition } from './event-store.port';

/** The store that wrote a position, its first part: a checkpoint means nothing to another store. */
export type PositionStore = 'pg' | 'kdb' | 'mem';

const STORE_NAMES: Record<PositionStore, string> = { pg: 'PostgreSQL', kdb: 'KurrentDB', mem: 'in-memory' };

// 20 digits hold any unsigned 64-bit number, so zero-padded parts sort as strings in log order.
const WIDTH = 20;

/** A checkpoint written by another event store, typically left in Redis after `EVENT_STORE` was switched. */
export class ForeignLogPositionError extends Error {
  constructor(
    readonly position: string,
    readonly store: PositionStore,
  ) {
    const writer = position.match(/^([a-z]+):/)?.[1];
    const by =
      writer && writer in STORE_NAMES
        ? `the ${STORE_NAMES[writer as PositionStore]} event store`
        : 'no known event store';
    super(
      `Log position ${position} was written by ${by}, not the ${STORE_NAMES[store]} one in use: ` +
        'rebuild the read models (npm run projections:rebuild) and clear the reactor checkpoints after switching EVENT_STORE',
    );
    this.name = 'ForeignLogPositionError';
  }
}

/** `pg:00000000000000000042-00000000000000000007`: one store's positions share the prefix, so they still sort in log order. */
export function encodeLogPosition(store: PositionStore, ...parts: readonly bigint[]): LogPosition {
  return `${store}:${parts.map((part) => part.toString().padStart(WIDTH, '0')).join('-')}` as LogPosition;
}

/**
 * The parts of a position this store wrote. Positions from before the prefix (no `store:`) are
 * read as this store's own: they were written by whichever store ran then, which a rolling
 * upgrade does not change, and refusing them would force every projection to replay the log.
 */
export function decodeLogPosition(position: LogPosition, store: PositionStore, parts: number): bigint[] {
  const prefix = `${store}:`;
  const body = position.startsWith(prefix) ? position.slice(prefix.length) : position;
  const decoded = body.split('-');
  if (decoded.length !== parts || decoded.some((part) => !/^\d{1,20}$/.test(part))) {
    throw new ForeignLogPositionError(position, store);
  }
  return decoded.map(BigInt);
}
