import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HttpOptions } from '@/lib/providers/http';

export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/providers/${name}`, import.meta.url)), 'utf8');
}

/** A scripted answer: a response, a thrown network error, or 'hang' (waits until the request is aborted). */
export type Reply =
  | { readonly status?: number; readonly body?: string | object; readonly headers?: Record<string, string> }
  | Error
  | 'hang';

export interface RecordedCall {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string | null;
}

/** Replies per URL path; each path's last reply repeats. */
export function byPath(routes: Readonly<Record<string, readonly Reply[]>>): (call: RecordedCall) => Reply {
  const seen = new Map<string, number>();
  return (call) => {
    const path = new URL(call.url).pathname;
    const replies = routes[path];
    if (!replies) return { status: 404, body: { error: `no route for ${path}` } };
    const count = seen.get(path) ?? 0;
    seen.set(path, count + 1);
    return replies[Math.min(count, replies.length - 1)] ?? { status: 500 };
  };
}

/** A fetch that answers from a script (the last reply repeats) and records every request. */
export function scriptedFetch(replies: readonly Reply[] | ((call: RecordedCall) => Reply)) {
  const calls: RecordedCall[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const call = { url: String(input), method: init?.method ?? 'GET', headers, body: typeof init?.body === 'string' ? init.body : null };
    calls.push(call);
    const reply = typeof replies === 'function' ? replies(call) : replies[Math.min(calls.length - 1, replies.length - 1)];
    if (reply === undefined) throw new Error('no reply scripted');
    if (reply instanceof Error) throw reply;
    if (reply === 'hang') {
      return new Promise<Response>((_, reject) => {
        const signal = init?.signal;
        if (signal?.aborted) reject(signal.reason);
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    }
    const body = typeof reply.body === 'string' || reply.body === undefined ? reply.body : JSON.stringify(reply.body);
    return new Response(body ?? null, { status: reply.status ?? 200, headers: reply.headers });
  };
  return { fetch, calls };
}

/** Fast, deterministic HTTP options: no real waiting between retries. */
export function testHttp(overrides: Partial<HttpOptions> = {}): HttpOptions {
  return {
    timeoutMs: 1_000,
    maxRetries: 3,
    baseDelayMs: 10,
    maxDelayMs: 100,
    maxWaitMs: 15_000,
    sleep: async () => {},
    random: () => 0.5,
    ...overrides,
  };
}

/** What fn throws, or null. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return null;
}
