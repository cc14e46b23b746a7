import 'server-only';
import { isIP } from 'node:net';

/** Where a base URL may point: production refuses plain http and private, loopback and link-local hosts. */
export interface BaseUrlPolicy {
  readonly requireHttps: boolean;
  readonly allowPrivateHosts: boolean;
  /** The configured built-in sandbox (http, loopback): allowed as it is, even in production. */
  readonly sandboxOrigin: string | null;
}

export const PRODUCTION_POLICY: BaseUrlPolicy = { requireHttps: true, allowPrivateHosts: false, sandboxOrigin: null };
/** Development and tests: the built-in sandbox runs on http://127.0.0.1. */
export const DEVELOPMENT_POLICY: BaseUrlPolicy = { requireHttps: false, allowPrivateHosts: true, sandboxOrigin: null };

/** The base URL is not acceptable; the message says why and what to give instead. */
export class BaseUrlError extends Error {
  override readonly name = 'BaseUrlError';
}

const segments = (path: string) => path.split('/').filter(Boolean);

function ipv4Private(address: string): boolean {
  const [a = 0, b = 0] = address.split('.').map(Number);
  return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
}

/** Loopback, private, link-local, unique-local and unspecified addresses (IPv4, IPv6, IPv4-mapped). */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  const kind = isIP(bare);
  if (kind === 4) return ipv4Private(bare);
  if (kind !== 6) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare)?.[1];
  if (mapped) return ipv4Private(mapped);
  // WHATWG URLs write IPv4-mapped addresses in hex: [::ffff:127.0.0.1] becomes [::ffff:7f00:1].
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(bare);
  if (hex) {
    const [high, low] = [parseInt(hex[1] ?? '0', 16), parseInt(hex[2] ?? '0', 16)];
    return ipv4Private([high >> 8, high & 255, low >> 8, low & 255].join('.'));
  }
  return bare === '::1' || bare === '::' || /^f[cd]/.test(bare) || /^fe[89ab]/.test(bare);
}

/** A host name that is private by name (localhost and the like) or a private address literal. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal') || host.endsWith('.local') ||
    isPrivateAddress(host);
}

/**
 * Checks a base URL against the policy and the client's own API path, and returns it without a trailing
 * slash. `apiPath` is what the client appends (e.g. "/v2/"): a base URL ending in any leading part of it
 * would have that part doubled, so it is refused with the address to give instead.
 */
export function checkBaseUrl(value: string, apiPath: string, policy: BaseUrlPolicy): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new BaseUrlError('Enter a full address starting with https://.');
  }
  const sandbox = policy.sandboxOrigin !== null && url.origin === new URL(policy.sandboxOrigin).origin;
  const allowed = policy.requireHttps && !sandbox ? ['https:'] : ['https:', 'http:'];
  if (!allowed.includes(url.protocol)) {
    throw new BaseUrlError(policy.requireHttps ? 'Use an https:// address.' : 'Use an http:// or https:// address.');
  }
  if (url.username || url.password) throw new BaseUrlError('Leave user name and password out of the address.');
  if (url.search || url.hash) throw new BaseUrlError('Leave query (?…) and fragment (#…) out of the address.');
  if (!policy.allowPrivateHosts && !sandbox && isPrivateHost(url.hostname)) {
    throw new BaseUrlError('This address is on a private or local network, which is not allowed.');
  }
  const path = segments(url.pathname);
  const api = segments(apiPath);
  for (let length = api.length; length >= 1; length -= 1) {
    const tail = path.slice(-length).join('/').toLowerCase();
    if (path.length >= length && tail === api.slice(0, length).join('/').toLowerCase()) {
      const root = `${url.origin}${path.slice(0, path.length - length).map((s) => `/${s}`).join('')}`;
      throw new BaseUrlError(
        `Leave the API path "/${api.slice(0, length).join('/')}" out: it is added for you. Use ${root} instead.`,
      );
    }
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
