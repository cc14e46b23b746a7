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

/** Fetches our own API and validates the body with the schema the server answers with. */
export async function fetchJson<T>(url: string, schema: z.ZodType<T>, init?: RequestInit): Promise<T> {
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
  return schema.parse(body);
}
