'use client';

import { useState } from 'react';

export type FieldErrors = Record<string, string>;

export type SubmitResult<T> =
  | { readonly ok: true; readonly data: T | null }
  | { readonly ok: false; readonly message: string; readonly fields: FieldErrors; readonly status: number };

/** Sends JSON to one of our settings routes and reads back data or `{ error: { message, fields } }`. */
export async function send<T = unknown>(url: string, method: string, body?: unknown): Promise<SubmitResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body === undefined ? '{}' : JSON.stringify(body),
    });
  } catch {
    return { ok: false, message: 'The server could not be reached. Nothing was changed; try again.', fields: {}, status: 0 };
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (response.ok) return { ok: true, data: parsed as T | null };
  const error = (parsed as { error?: { message?: unknown; fields?: unknown } } | null)?.error;
  const fields = error?.fields && typeof error.fields === 'object' ? (error.fields as FieldErrors) : {};
  const message = typeof error?.message === 'string' ? error.message : `The change failed (${response.status}).`;
  return { ok: false, message, fields, status: response.status };
}

/** A form's pending flag, field errors and form-level message around `send`. */
export function useSubmit() {
  const [pending, setPending] = useState(false);
  const [fields, setFields] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  async function run<T>(url: string, method: string, body?: unknown): Promise<SubmitResult<T>> {
    setPending(true);
    setMessage(null);
    const result = await send<T>(url, method, body);
    setPending(false);
    setFields(result.ok ? {} : result.fields);
    setMessage(result.ok ? null : result.message);
    return result;
  }
  return { pending, fields, message, run, setFields, setMessage };
}

/** Reads a form's named inputs as strings. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of new FormData(form).entries()) if (typeof value === 'string') values[key] = value;
  return values;
}
