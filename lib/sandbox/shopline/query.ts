/** A query parameter, with an empty value treated as absent (as form-built URLs send them). */
export function param(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  return value === null || value === '' ? undefined : value;
}

export class QueryError extends Error {}

export function parseLimit(raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= 1 && value <= max)) throw new QueryError(`limit must be an integer between 1 and ${max}`);
  return value;
}

export function parseId(raw: string | undefined, name: string): bigint | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,40}$/.test(raw)) throw new QueryError(`${name} must be a numeric id`);
  return BigInt(raw);
}

export function parseChoice<T extends string>(raw: string | undefined, name: string, allowed: readonly T[]): T | undefined {
  if (raw === undefined) return undefined;
  const match = allowed.find((value) => value === raw);
  if (match === undefined) throw new QueryError(`${name} must be one of: ${allowed.join(', ')}`);
  return match;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;

/** ISO date or date-time to epoch seconds; without an offset the store's +08:00 is assumed. */
export function parseDateMin(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  let text: string;
  if (DATE_ONLY.test(raw)) text = `${raw}T00:00:00+08:00`;
  else if (DATE_TIME.test(raw)) text = /(Z|[+-]\d{2}:\d{2})$/.test(raw) ? raw : `${raw}+08:00`;
  else throw new QueryError('date_min must be an ISO 8601 date or date-time');
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) throw new QueryError('date_min must be an ISO 8601 date or date-time');
  return Math.ceil(ms / 1000);
}
