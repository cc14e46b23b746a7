import 'server-only';
import type { z } from 'zod';
import { ProviderBusyError, type CallPriority, type ProviderBudget } from './budget';
import { ProviderError, type ProviderErrorKind } from './errors';
import { badResponse, httpFailure, isRetryableStatus, kindForStatus, retryAfterMs } from './http-errors';
import { PROVIDER_NAMES } from '@/lib/domain/provider-ids';
import { redact, safeDetail } from './redact';
import type { ProviderId } from '@/lib/domain/provider-ids';

export { redact } from './redact';

/** One line per attempt; never holds headers, bodies or secrets. */
export interface LogEntry {
  readonly provider: ProviderId;
  readonly method: string;
  /** Path and query with secrets redacted; no host. */
  readonly path: string;
  readonly status: number | null;
  readonly durationMs: number;
  /** 0 for the first try. */
  readonly attempt: number;
  readonly traceId: string | null;
  readonly outcome: 'ok' | 'retry' | 'error';
  readonly errorKind: ProviderErrorKind | null;
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface HttpOptions {
  timeoutMs: number;
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest a call waits, in all, for its budget and for a provider's Retry-After before it fails. */
  maxWaitMs: number;
  /** The account's request budget: every attempt takes a token first. None = unlimited (tests, scripts). */
  budget?: ProviderBudget;
  fetch?: typeof fetch;
  log?: (entry: LogEntry) => void;
  sleep?: Sleep;
  /** Jitter source in [0, 1); injectable for tests. */
  random?: () => number;
}

export const DEFAULT_HTTP_OPTIONS: Readonly<HttpOptions> = {
  timeoutMs: 10_000,
  maxRetries: 3,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  maxWaitMs: 15_000,
};

export function resolveHttpOptions(overrides: Partial<HttpOptions> = {}): HttpOptions {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return { ...DEFAULT_HTTP_OPTIONS, ...defined };
}

/** A 2xx body that still reports a failure (NeoX envelopes). */
export interface EnvelopeFailure {
  readonly kind: ProviderErrorKind;
  /** Provider text, redacted before it reaches a message. */
  readonly detail: string;
  readonly retryable: boolean;
}

export interface JsonRequest<T> {
  readonly provider: ProviderId;
  readonly method: 'GET' | 'POST';
  readonly url: URL;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON. */
  readonly body?: unknown;
  readonly schema: z.ZodType<T>;
  readonly signal?: AbortSignal;
  readonly priority?: CallPriority;
  /** Values to mask in every log entry and error message. */
  readonly secrets: readonly string[];
  readonly http: HttpOptions;
  readonly traceIdHeader?: string;
  readonly traceIdFromBody?: (body: unknown) => string | null;
  /** The provider's short error text from an error body, or null. */
  readonly parseErrorBody?: (body: unknown) => string | null;
  /** Defaults to JSON.parse; NeoX passes a lossless reader. */
  readonly parseJson?: (text: string) => unknown;
  readonly checkBody?: (data: T) => EnvelopeFailure | null;
  /** A successful answer's headers, before its body is read. */
  readonly onHeaders?: (headers: Headers) => void;
}

export interface JsonResponse<T> {
  readonly data: T;
  readonly status: number;
  readonly headers: Headers;
  readonly traceId: string | null;
}

type Attempt<T> =
  | { readonly ok: true; readonly response: JsonResponse<T> }
  | { readonly ok: false; readonly error: ProviderError; readonly retryable: boolean; readonly waitMs: number | null };

const defaultSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * Full jitter: uniform in [0, min(max, base * 2^attempt)], and never sooner than the provider's
 * Retry-After (which is not capped: whether it fits is the caller's deadline's question).
 */
export function backoffDelay(attempt: number, http: HttpOptions, retryAfter: number | null = null): number {
  const ceiling = Math.min(http.maxDelayMs, http.baseDelayMs * 2 ** attempt);
  const jittered = Math.floor((http.random ?? Math.random)() * ceiling);
  return retryAfter === null ? jittered : Math.max(jittered, retryAfter);
}

/** The provider's failure, saying when to come back. */
function withRetryAfter(error: ProviderError, waitMs: number): ProviderError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new ProviderError({
    provider: error.provider,
    kind: error.kind,
    status: error.status,
    traceId: error.traceId,
    retryAfterSeconds: seconds,
    message: `${error.message} Retry after ${seconds} s.`,
    cause: error.cause,
  });
}

function safePath(url: URL, secrets: readonly string[]): string {
  return redact(`${url.pathname}${url.search}`, secrets);
}

/**
 * One JSON request with timeout, retries, error mapping and redaction; the only way providers call out.
 * Every attempt, retries included, first takes a token from the account's budget; a Retry-After is
 * honoured when it fits `maxWaitMs`, otherwise the call fails at once saying when to retry.
 */
export async function requestJson<T>(req: JsonRequest<T>): Promise<JsonResponse<T>> {
  const sleep = req.http.sleep ?? defaultSleep;
  const path = safePath(req.url, req.secrets);
  const deadline = Date.now() + req.http.maxWaitMs;
  const budgetRequest = { priority: req.priority ?? 'interactive', signal: req.signal, deadline } as const;
  let lastError: ProviderError | null = null;
  for (let attempt = 0; ; attempt++) {
    if (req.signal?.aborted) throw req.signal.reason;
    try {
      await req.http.budget?.take(budgetRequest);
    } catch (error) {
      // Never retry into an empty budget: the provider's own failure stands.
      if (lastError && error instanceof ProviderBusyError) throw lastError;
      throw error;
    }
    const started = performance.now();
    const result = await attemptOnce(req);
    const willRetry = !result.ok && result.retryable && attempt < req.http.maxRetries;
    emit(req.http, {
      provider: req.provider,
      method: req.method,
      path,
      status: result.ok ? result.response.status : result.error.status,
      durationMs: Math.round(performance.now() - started),
      attempt,
      traceId: result.ok ? result.response.traceId : result.error.traceId,
      outcome: result.ok ? 'ok' : willRetry ? 'retry' : 'error',
      errorKind: result.ok ? null : result.error.kind,
    });
    if (result.ok) return result.response;
    const delay = backoffDelay(attempt, req.http, result.waitMs);
    if (result.error.kind === 'rate_limited') await pauseBudget(req.http, delay);
    if (result.waitMs !== null && Date.now() + result.waitMs > deadline) throw withRetryAfter(result.error, result.waitMs);
    if (!willRetry) throw result.waitMs === null ? result.error : withRetryAfter(result.error, result.waitMs);
    lastError = result.error;
    await sleep(delay, req.signal);
  }
}

/** Others sharing the budget hold off too; a budget that cannot record it must not fail this call. */
async function pauseBudget(http: HttpOptions, ms: number): Promise<void> {
  try {
    await http.budget?.pause(ms);
  } catch {
    // The next take() reports an unreachable budget clearly.
  }
}

function emit(http: HttpOptions, entry: LogEntry): void {
  try {
    http.log?.(entry);
  } catch {
    // A failing log sink must not fail the request.
  }
}

/** The body read as JSON; `readable` is false for an empty or non-JSON body. */
interface Received {
  readonly response: Response;
  readonly body: unknown;
  readonly readable: boolean;
}

/**
 * Sends the request and parses the body. The text lives only in here, so it is garbage before the schema
 * check runs: a page of a large export is a string of megabytes, and the longer it lives, the likelier a
 * young-generation collection finds it alive and moves it to the old generation.
 */
async function receive<T>(req: JsonRequest<T>, signal: AbortSignal): Promise<Received> {
  const headers: Record<string, string> = { Accept: 'application/json', ...req.headers };
  if (req.body !== undefined) headers['Content-Type'] ??= 'application/json';
  const response = await (req.http.fetch ?? fetch)(req.url, {
    method: req.method,
    headers,
    body: req.body === undefined ? undefined : JSON.stringify(req.body),
    signal,
    // Following a redirect could hand the credentials to another host.
    redirect: 'manual',
  });
  if (response.ok) req.onHeaders?.(response.headers);
  const text = await response.text();
  if (text.trim() === '') return { response, body: undefined, readable: false };
  try {
    return { response, body: (req.parseJson ?? JSON.parse)(text), readable: true };
  } catch {
    return { response, body: undefined, readable: false };
  }
}

async function attemptOnce<T>(req: JsonRequest<T>): Promise<Attempt<T>> {
  const { provider, http } = req;
  const timeout = AbortSignal.timeout(http.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
  let received: Received;
  try {
    received = await receive(req, signal);
  } catch (error) {
    if (req.signal?.aborted) throw req.signal.reason;
    if (timeout.aborted) {
      const head = `${PROVIDER_NAMES[provider]} did not answer within ${http.timeoutMs} ms`;
      return fail(httpFailure({ provider, kind: 'timeout', head }), false, null);
    }
    const head = `${PROVIDER_NAMES[provider]} could not be reached`;
    return fail(httpFailure({ provider, kind: 'unavailable', head, cause: error }), true, null);
  }

  const { response, body, readable } = received;
  const headerTraceId = req.traceIdHeader ? response.headers.get(req.traceIdHeader) : null;
  const rawTraceId = headerTraceId ?? (readable && req.traceIdFromBody ? req.traceIdFromBody(body) : null);
  // Provider-controlled text that reaches logs and the UI: bounded and redacted like any other.
  const traceId = rawTraceId ? safeDetail(rawTraceId, req.secrets) || null : null;
  const status = response.status;

  if (status < 200 || status > 299) {
    const providerText = readable ? (req.parseErrorBody?.(body) ?? null) : null;
    const detail = providerText ? safeDetail(providerText, req.secrets) : null;
    const error = httpFailure({ provider, kind: kindForStatus(status), status, traceId, detail });
    const wait = retryAfterMs(response.headers.get('retry-after'));
    return fail(error, isRetryableStatus(status), wait);
  }
  if (!readable) return fail(badResponse(provider, 'a response that is not valid JSON', { status, traceId }), false, null);

  const parsed = req.schema.safeParse(body);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'the top level';
    return fail(badResponse(provider, `a response of an unexpected shape (at ${where})`, { status, traceId }), false, null);
  }
  const envelope = req.checkBody?.(parsed.data) ?? null;
  if (envelope) {
    const detail = safeDetail(envelope.detail, req.secrets);
    const head = `${PROVIDER_NAMES[provider]} reported a failure`;
    return fail(httpFailure({ provider, kind: envelope.kind, status, traceId, detail, head }), envelope.retryable, null);
  }
  return { ok: true, response: { data: parsed.data, status, headers: response.headers, traceId } };
}

function fail<T>(error: ProviderError, retryable: boolean, waitMs: number | null): Attempt<T> {
  return { ok: false, error, retryable, waitMs };
}
