import type { LogPosition } from './event-store.port';

// 20 digits hold any unsigned 64-bit number, so zero-padded parts sort as strings in log order.
const WIDTH = 20;

export function encodeLogPosition(...parts: readonly bigint[]): LogPosition {
  return parts.map((part) => part.toString().padStart(WIDTH, '0')).join('-') as LogPosition;
}

export function decodeLogPosition(position: LogPosition, parts: number): bigint[] {
  const decoded = position.split('-');
  if (decoded.length !== parts || decoded.some((part) => !/^\d{1,20}$/.test(part))) {
    throw new TypeError(`Not a log position of this event store: ${position}`);
  }
  return decoded.map(BigInt);
}
