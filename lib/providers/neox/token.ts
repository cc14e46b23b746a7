import 'server-only';
import { createHash } from 'node:crypto';
import type { StoredToken, TokenStore } from '../token-store';

export interface IssuedToken {
  readonly accessToken: string;
  readonly expiresInSeconds: number;
}

type CachedToken = StoredToken;

interface Slot {
  /** Tells apart a changed client secret for the same client id, without keeping the secret. */
  secretHash: string;
  current: CachedToken | null;
  inflight: Promise<CachedToken> | null;
}

const MAX_MARGIN_MS = 60_000;
const slots = new Map<string, Slot>();

/** Forgets every cached NeoX token (tests, credential rotation). */
export function clearNeoxTokenCache(): void {
  slots.clear();
}

function hash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Renew with min(60 s, 10% of the lifetime) left, so short-lived tokens are still reused. */
export function refreshTime(issuedAt: number, expiresInSeconds: number): number {
  const ttl = Math.max(0, expiresInSeconds) * 1000;
  return issuedAt + ttl - Math.min(MAX_MARGIN_MS, ttl * 0.1);
}

function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export interface TokenSourceInit {
  /** Shares tokens beyond this process (Redis); a store that fails only costs a fresh token. */
  readonly store?: TokenStore;
  readonly baseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Not given the caller's signal: one caller's abort must not fail a refresh others wait on. */
  readonly issue: () => Promise<IssuedToken>;
}

export interface TokenSource {
  get(signal?: AbortSignal): Promise<string>;
  /** Drops the token if it is still the cached one, so the next get() fetches a fresh one. */
  invalidate(accessToken: string): Promise<void>;
}

/** Tokens cached per (base URL, client id) across clients, with a single in-flight refresh per process. */
export function tokenSource(init: TokenSourceInit): TokenSource {
  const key = `${init.baseUrl}\n${init.clientId}`;
  const secretHash = hash(init.clientSecret);
  const storeKey = hash(`${key}\n${secretHash}`);

  /** A token another client or instance stored, else a freshly issued one (then stored). */
  const obtain = async (started: number): Promise<CachedToken> => {
    const stored = init.store ? await init.store.get(storeKey).catch(() => null) : null;
    if (stored && Date.now() < stored.refreshAt) return stored;
    const issued = await init.issue();
    const token = { accessToken: issued.accessToken, refreshAt: refreshTime(started, issued.expiresInSeconds) };
    await init.store?.set(storeKey, token).catch(() => undefined);
    return token;
  };

  const slot = (): Slot => {
    let found = slots.get(key);
    if (!found || found.secretHash !== secretHash) {
      found = { secretHash, current: null, inflight: null };
      slots.set(key, found);
    }
    return found;
  };

  const refresh = (target: Slot): Promise<CachedToken> => {
    const inflight = obtain(Date.now()).then(
      (token) => {
        if (target.inflight === inflight) {
          target.current = token;
          target.inflight = null;
        }
        return token;
      },
      (error: unknown) => {
        if (target.inflight === inflight) target.inflight = null;
        throw error;
      },
    );
    target.inflight = inflight;
    return inflight;
  };

  return {
    async get(signal) {
      const target = slot();
      if (target.current && Date.now() < target.current.refreshAt) return target.current.accessToken;
      const token = await untilAborted(target.inflight ?? refresh(target), signal);
      return token.accessToken;
    },
    async invalidate(accessToken) {
      const target = slots.get(key);
      if (target?.current?.accessToken === accessToken) target.current = null;
      await init.store?.delete(storeKey, accessToken).catch(() => undefined);
    },
  };
}
