import { hkdfSync } from 'node:crypto';
import type { AppConfig } from '../config/app-config';

/** What a key derived from API_MAC_SECRET is for: a MAC made for one purpose never verifies for another. */
export type MacPurpose = 'idempotency-record' | 'page-cursor';

/** A 32-byte HMAC key for one purpose, derived from API_MAC_SECRET with HKDF-SHA-256. */
export function macKey(config: AppConfig, purpose: MacPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', config.API_MAC_SECRET, 'frontline', purpose, 32));
}
