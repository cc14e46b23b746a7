import 'server-only';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { sharedRedis } from '@/lib/redis/client';

/**
 * Sign-in attempts limited per client IP and per email + IP, counted before the password is checked, so
 * a parallel burst counts every attempt. Unknown emails are counted exactly like known ones: the answer
 * never tells them apart, and nobody can lock an account from elsewhere (the email's own key is never
 * limited alone). Shared through Redis when REDIS_URL is set, in memory otherwise.
 */

export interface SignInLimits {
  /** Attempts for one email from one IP per window; the next is refused until the window ends. */
  readonly perEmailAndIp: number;
  /** Attempts from one IP per window, all emails together. */
  readonly perIp: number;
  readonly windowSeconds: number;
}

export const SIGN_IN_LIMITS: SignInLimits = { perEmailAndIp: 5, perIp: 50, windowSeconds: 15 * 60 };

export type LimitVerdict = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export interface SignInLimiter {
  /** Counts one attempt on both keys; refused when either is spent. */
  consume(ip: string, email: string): Promise<LimitVerdict>;
  /** A successful sign-in clears its email + IP count (the IP's count stays). */
  succeeded(ip: string, email: string): Promise<void>;
}

function limiter(redis: Redis | null, keyPrefix: string, points: number, duration: number): RateLimiterAbstract {
  return redis
    ? new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration })
    : new RateLimiterMemory({ keyPrefix, points, duration });
}

/** Counted or refused: a RateLimiterRes rejection means spent; any other rejection (Redis down) is thrown on. */
async function take(target: RateLimiterAbstract, key: string): Promise<number | null> {
  try {
    await target.consume(key, 1);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}

export function createSignInLimiter(options: { readonly redis: Redis | null; readonly keyPrefix: string; readonly limits?: SignInLimits }): SignInLimiter {
  const limits = options.limits ?? SIGN_IN_LIMITS;
  const byIp = limiter(options.redis, `${options.keyPrefix}:ip`, limits.perIp, limits.windowSeconds);
  const byEmailAndIp = limiter(options.redis, `${options.keyPrefix}:email-ip`, limits.perEmailAndIp, limits.windowSeconds);
  const pairKey = (ip: string, email: string) => `${email}|${ip}`;
  return {
    async consume(ip, email) {
      // Both are counted whatever the other says, so spreading attempts cannot skip either count.
      const [ipWait, pairWait] = await Promise.all([take(byIp, ip), take(byEmailAndIp, pairKey(ip, email))]);
      const wait = Math.max(ipWait ?? 0, pairWait ?? 0);
      return wait > 0 ? { allowed: false, retryAfterSeconds: wait } : { allowed: true };
    },
    async succeeded(ip, email) {
      await byEmailAndIp.delete(pairKey(ip, email));
    },
  };
}

const LIMITER_KEY = Symbol.for('fundsight.sign-in-limiter');
type LimiterHolder = { [LIMITER_KEY]?: SignInLimiter };

/** The process's limiter: on the shared Redis connection when there is one. */
export function signInLimiter(): SignInLimiter {
  const holder = globalThis as typeof globalThis & LimiterHolder;
  holder[LIMITER_KEY] ??= createSignInLimiter({ redis: sharedRedis(), keyPrefix: 'fundsight:sign-in' });
  return holder[LIMITER_KEY];
}

/** The client's address as the nearest proxy reports it: the last X-Forwarded-For entry, else X-Real-IP. */
export function clientIp(headers: Readonly<Record<string, string | string[] | undefined>> | undefined): string {
  const forwarded = headers?.['x-forwarded-for'];
  const list = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').map((part) => part.trim());
  const last = list.filter((part) => part !== '').at(-1);
  const real = headers?.['x-real-ip'];
  const ip = last ?? (typeof real === 'string' ? real.trim() : '');
  return /^[0-9A-Fa-f:.]{2,45}$/.test(ip) ? ip : 'unknown';
}
