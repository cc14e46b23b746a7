import 'server-only';
import { z } from 'zod';
import { ApiError } from './api-error';
import { PROTOTYPE_KEYS } from './params';

/** A strict query with no parameters at all. */
export const noQuery = z.strictObject({});

const invalid = (message: string) => new ApiError(400, 'invalid_parameter', message);

/**
 * Parses query parameters strictly: an unknown or invalid parameter is a 400 naming it; a prototype
 * key (`__proto__`, `constructor`) is refused by name. Repeated parameters arrive as arrays.
 */
export function parseQuery<T>(schema: z.ZodType<T>, params: URLSearchParams): T {
  const raw: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const key of new Set(params.keys())) {
    if (PROTOTYPE_KEYS.includes(key)) throw invalid(`Query parameter "${key}" is not allowed.`);
    const values = params.getAll(key);
    raw[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  const result = schema.safeParse({ ...raw });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    throw invalid(`Unknown query parameter "${printable(issue.keys[0] ?? '')}".`);
  }
  const name = issue?.path.join('.') || 'query';
  throw invalid(`Invalid query parameter "${printable(name)}": ${issue?.message ?? 'invalid'}.`);
}

/** A parameter name as safe to echo: control characters escaped, at most 64 characters. */
function printable(name: string): string {
  const escaped = JSON.stringify(name.slice(0, 64)).slice(1, -1);
  return name.length > 64 ? `${escaped}…` : escaped;
}
