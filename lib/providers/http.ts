import 'server-only';
import type { z } from 'zod';
import { ProviderBusyError, type CallPriority, type ProviderBudget } from './budget';
import { ProviderError, type ProviderErrorKind } from './errors';
import { badResponse, httpFailure, isRetryableStatus, kindForStatus, retryAfterMs } from './http-errors';
import { PROVIDER_NAMES } from '@/lib/domain/provider-ids';
import { JsonSyntaxError } from './json';
import { JsonRowsDuplicateKey, jsonRowsReader } from './json-rows';
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

/**
 * A 2xx body's top-level list (`key`) read row by row as it arrives, each row checked by `schema` and handed
 * to a collector, so a page of thousands of rows never exists as one string or one array of wire objects.
 * The rest of the body is checked by the request's schema with that list empty.
 */
export interface RowsReading<W, A> {
  readonly key: string;
  readonly schema: z.ZodType<W>;
  /**
   * A fresh collector for each attempt (a retried page starts over); `traceId` as the response's headers name
   * it. What `add` throws (a ProviderError for a value it cannot map) fails the call, without a retry.
   */
  readonly collect: (traceId: string | null) => RowCollector<W, A>;
}

export interface RowCollector<W, A> {
  add(row: W, index: number): void;
  done(): A;
}

export interface JsonResponse<T> {
  readonly data: T;
  readonly status: number;
  readonly headers: Headers;
  readonly traceId: string | null;
}

type Attempt<T, A> =
  | { readonly ok: true; readonly response: JsonResponse<T> & { readonly rows?: A } }
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
  return request(req, null);
}

/** requestJson for a body whose list is read as it arrives (see RowsReading); the collected rows come as `rows`. */
export async function requestJsonRows<T, W, A>(req: JsonRequest<T>, rows: RowsReading<W, A>): Promise<JsonResponse<T> & { readonly rows: A }> {
  const { rows: collected, ...response } = await request(req, rows);
  // A successful rows request always has its collector's result: receiveRows gives it with the body.
  if (collected === undefined) throw new Error('requestJsonRows: the rows were not read');
  return { ...response, rows: collected };
}

async function request<T, W, A>(req: JsonRequest<T>, rows: RowsReading<W, A> | null): Promise<JsonResponse<T> & { readonly rows?: A }> {
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
    const result = await attemptOnce(req, rows);
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
interface Received<A> {
  readonly response: Response;
  readonly body: unknown;
  readonly readable: boolean;
  /** The collector's result, when the list was read as it arrived. */
  readonly rows?: A;
  /** Why the streamed list was refused: a row's shape (its path) or the collector's own error. */
  readonly refused?: { readonly at: string } | { readonly error: ProviderError };
}

const UNREADABLE = { body: undefined, readable: false } as const;

/** A row of the list did not match its schema: the path of the first issue, as the whole body's schema would name it. */
class RowShape extends Error {
  constructor(readonly at: string) {
    super(`unexpected row shape at ${at}`);
  }
}

function headerTraceId(req: Pick<JsonRequest<unknown>, 'traceIdHeader' | 'secrets'>, headers: Headers): string | null {
  const raw = req.traceIdHeader ? headers.get(req.traceIdHeader) : null;
  // Provider-controlled text that reaches logs and the UI: bounded and redacted like any other.
  return raw ? safeDetail(raw, req.secrets) || null : null;
}

/**
 * Reads a 2xx body chunk by chunk, handing the list's rows to a collector as they arrive; the first bad row
 * or byte stops the reading (the rest of the body is cancelled). A network failure while reading throws, as
 * Response.text() would.
 */
async function receiveRows<T, W, A>(req: JsonRequest<T>, response: Response, rows: RowsReading<W, A>): Promise<Received<A>> {
  const collector = rows.collect(headerTraceId(req, response.headers));
  const reader = jsonRowsReader(rows.key, (value, index) => {
    const parsed = rows.schema.safeParse(value);
    if (!parsed.success) throw new RowShape([rows.key, index, ...(parsed.error.issues[0]?.path ?? [])].join('.'));
    collector.add(parsed.data, index);
  });
  const stream = response.body?.getReader();
  let body: unknown;
  try {
    if (stream) {
      for (let next = await stream.read(); !next.done; next = await stream.read()) reader.write(next.value);
    }
    body = reader.end();
  } catch (error) {
    const refused = error instanceof RowShape ? { at: error.at } : error instanceof ProviderError ? { error } : null;
    if (!refused && !(error instanceof JsonSyntaxError) && !(error instanceof JsonRowsDuplicateKey)) throw error;
    // The rest of the body is not wanted; cancelling frees the connection.
    stream?.cancel().catch(() => undefined);
    return refused ? { response, ...UNREADABLE, readable: true, refused } : { response, ...UNREADABLE };
  }
  return { response, body, readable: true, rows: collector.done() };
}

/**
 * Sends the request and parses the body. The text lives only in here, so it is garbage before the schema
 * check runs: a page of a large export is a string of megabytes, and the longer it lives, the likelier a
 * young-generation collection finds it alive and moves it to the old generation (`rows` avoids the string).
 */
async function receive<T, W, A>(req: JsonRequest<T>, signal: AbortSignal, rows: RowsReading<W, A> | null): Promise<Received<A>> {
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
  if (rows && response.ok) return receiveRows(req, response, rows);
  const text = await response.text();
  if (text.trim() === '') return { response, ...UNREADABLE };
  try {
    return { response, body: (req.parseJson ?? JSON.parse)(text), readable: true };
  } catch {
    return { response, ...UNREADABLE };
  }
}

async function attemptOnce<T, W, A>(req: JsonRequest<T>, rows: RowsReading<W, A> | null): Promise<Attempt<T, A>> {
  const { provider, http } = req;
  const timeout = AbortSignal.timeout(http.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
  let received: Received<A>;
  try {
    received = await receive(req, signal, rows);
  } catch (error) {
    if (req.signal?.aborted) throw req.signal.reason;
    if (timeout.aborted) {
      const head = `${PROVIDER_NAMES[provider]} did not answer within ${http.timeoutMs} ms`;
      return fail(httpFailure({ provider, kind: 'timeout', head }), false, null);
    }
    const head = `${PROVIDER_NAMES[provider]} could not be reached`;
    return fail(httpFailure({ provider, kind: 'unavailable', head, cause: error }), true, null);
  }

  const { response, body, readable, refused } = received;
  const fromBody = readable && body !== undefined && req.traceIdFromBody ? req.traceIdFromBody(body) : null;
  const traceId = headerTraceId(req, response.headers) ?? (fromBody ? safeDetail(fromBody, req.secrets) || null : null);
  const status = response.status;

  if (status < 200 || status > 299) {
    const providerText = readable ? (req.parseErrorBody?.(body) ?? null) : null;
    const detail = providerText ? safeDetail(providerText, req.secrets) : null;
    const error = httpFailure({ provider, kind: kindForStatus(status), status, traceId, detail });
    const wait = retryAfterMs(response.headers.get('retry-after'));
    return fail(error, isRetryableStatus(status), wait);
  }
  if (!readable) return fail(badResponse(provider, 'a response that is not valid JSON', { status, traceId }), false, null);
  if (refused && 'error' in refused) return fail(refused.error, false, null);

  const parsed = refused ? null : req.schema.safeParse(body);
  if (!parsed?.success) {
    const where = (refused ? refused.at : parsed?.error.issues[0]?.path.join('.')) || 'the top level';
    return fail(badResponse(provider, `a response of an unexpected shape (at ${where})`, { status, traceId }), false, null);
  }
  const envelope = req.checkBody?.(parsed.data) ?? null;
  if (envelope) {
    const detail = safeDetail(envelope.detail, req.secrets);
    const head = `${PROVIDER_NAMES[provider]} reported a failure`;
    return fail(httpFailure({ provider, kind: envelope.kind, status, traceId, detail, head }), envelope.retryable, null);
  }
  const collected = received.rows === undefined ? {} : { rows: received.rows };
  return { ok: true, response: { data: parsed.data, status, headers: response.headers, traceId, ...collected } };
}

function fail<T, A>(error: ProviderError, retryable: boolean, waitMs: number | null): Attempt<T, A> {
  return { ok: false, error, retryable, waitMs };
}
