import type { z } from 'zod';

/** An API error as the browser sees it; `code` and `message` come from `{ error: { code, message } }`. */
export class ApiClientError extends Error {
  override readonly name = 'ApiClientError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The provider's trace id when a provider call failed; shown so support can find the request. */
    readonly traceId: string | null = null,
  ) {
    super(message);
  }
}

/**
 * The schema a body is checked with, or a loader of its module: a loaded schema (and zod with it) stays out
 * of the page's first scripts and is not built while the page hydrates from the server's data.
 */
export type ResponseSchema<S extends z.ZodType = z.ZodType> = S | (() => Promise<S>);

/** Fetches our own API and validates the body with the schema the server answers with. */
export async function fetchJson<S extends z.ZodType>(url: string, schema: ResponseSchema<S>, init?: RequestInit): Promise<z.output<S>> {
  // The schema's module loads while the request is on its way; a failed load is reported by the await below.
  const loading = Promise.resolve(typeof schema === 'function' ? schema() : schema);
  loading.catch(() => undefined);
  const response = await fetch(url, { ...init, headers: { Accept: 'application/json', ...init?.headers } });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: unknown; message?: unknown; traceId?: unknown } } | null)?.error;
    throw new ApiClientError(
      response.status,
      typeof error?.code === 'string' ? error.code : 'http_error',
      typeof error?.message === 'string' ? error.message : `Request failed (${response.status}).`,
      typeof error?.traceId === 'string' ? error.traceId : null,
    );
  }
  return (await loading).parse(body);
}
