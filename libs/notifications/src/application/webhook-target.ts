import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { DomainError } from '@frontline/decider';

export class UnsafeWebhookTargetError extends DomainError {
  readonly code = 'unsafe-webhook-target';
  readonly kind = 'invalid';
}

/** Ranges a webhook may reach only with WEBHOOK_ALLOW_PRIVATE=true (tests, closed networks). */
const PRIVATE_RANGES = new Set(['loopback', 'private', 'linkLocal', 'uniqueLocal', 'carrierGradeNat']);

/**
 * Why a webhook may not connect to this IP address, or undefined when it may. Only public
 * unicast passes: loopback, private, link-local, unspecified, multicast, reserved and the
 * IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4, Teredo) are refused.
 */
export function refusalOfAddress(address: string, allowPrivate = false): string | undefined {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  // `process` turns ::ffff:127.0.0.1 into 127.0.0.1, so mapped forms meet the IPv4 rules.
  const range = ipaddr.process(address).range();
  if (range === 'unicast' || (allowPrivate && PRIVATE_RANGES.has(range))) return undefined;
  return `${address} is a ${range} address, which webhooks may not reach`;
}

/**
 * The URL parsed the way an HTTP client will: WHATWG URL parsing turns the numeric host forms
 * (`2130706433`, `0x7f.1`, `017700000001`) into the dotted address they mean.
 */
export function parseWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeWebhookTargetError('url must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UnsafeWebhookTargetError(`url must use http or https, not ${url.protocol.replace(':', '')}`);
  if (url.username || url.password) throw new UnsafeWebhookTargetError('url may not carry credentials');
  return url;
}

export interface CheckedTarget {
  url: URL;
  /** The address to connect to, and only this one: checked, so DNS cannot change it between check and connect. */
  address: string;
  family: 4 | 6;
}

export type Resolve = (host: string) => Promise<Array<{ address: string; family: number }>>;
const systemResolve: Resolve = (host) => dnsLookup(host, { all: true, verbatim: true });

/**
 * Checks the URL's scheme, its literal host and every address its name resolves to; refuses
 * the target if any of them is refused (a name may answer differently on the next lookup).
 */
export async function checkWebhookTarget(
  raw: string,
  { allowPrivate, resolve = systemResolve }: { allowPrivate: boolean; resolve?: Resolve },
): Promise<CheckedTarget> {
  const url = parseWebhookUrl(raw);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: Array<{ address: string; family: number }>;
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await resolve(host);
    } catch (error) {
      throw new UnsafeWebhookTargetError(
        `url host ${host} does not resolve (${(error as NodeJS.ErrnoException).code})`,
      );
    }
    if (addresses.length === 0) throw new UnsafeWebhookTargetError(`url host ${host} does not resolve`);
  }
  for (const { address } of addresses) {
    const refusal = refusalOfAddress(address, allowPrivate);
    if (refusal) throw new UnsafeWebhookTargetError(`url host ${host} is refused: ${refusal}`);
  }
  const [{ address, family }] = addresses;
  return { url, address, family: family === 6 ? 6 : 4 };
}
