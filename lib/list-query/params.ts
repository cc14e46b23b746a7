import { z } from 'zod';
import { PAYOUT_ID } from '@/lib/http/params';
import { daysInRange, isFilterDate, isIsoDate, isTimeZone, maxFilterDate, MIN_FILTER_DATE } from '@/lib/time/dates';

/** Query-parameter building blocks shared by the list schemas (transactions, payouts); isomorphic. */

/** What Next.js pages receive as `searchParams`, or the URL's own. */
export type SearchParamsInput = URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;

export const limitParam = (max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1, 'must be at least 1').max(max, `must be at most ${max}`))
    .default(fallback);

export const cursorParam = z.string().min(1, 'must not be empty').max(2048, 'is too long');

/** A calendar date within the filters' bounds (2000-01-01 to a year after today). */
export const dateParam = z.string().superRefine((value, ctx) => {
  if (!isIsoDate(value)) ctx.addIssue({ code: 'custom', message: 'must be a date as YYYY-MM-DD' });
  else if (!isFilterDate(value)) ctx.addIssue({ code: 'custom', message: `must be between ${MIN_FILTER_DATE} and ${maxFilterDate()}` });
});

/** Longest from..to range of the transaction and payout lists and of an export (ten years); flows have their own. */
export const MAX_LIST_RANGE_DAYS = 3_660;

export const timeZoneParam = z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin');

/** A payout id in a provider-neutral form; the list pipeline checks it against the provider's declared format. */
export const payoutIdParam = z.string().regex(PAYOUT_ID, 'must be a payout id (letters, digits, "_" or "-", at most 64)');

/** Comma-separated values of a repeatable parameter, trimmed, empty ones dropped. */
export function splitList(raw: string | readonly string[]): string[] {
  const values = typeof raw === 'string' ? [raw] : raw;
  return values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '');
}

/**
 * A repeatable, comma-separated parameter of known choices (`type=payment,refund`, `columns=id,amount`): at
 * least one, each one of `choices` (a 400 naming the first unknown one), returned in the choices' order.
 */
export function choiceListParam<C extends string>(what: string, choices: readonly C[]) {
  return z.union([z.string(), z.array(z.string())]).transform((raw, ctx): C[] => {
    const values = splitList(raw);
    const unknown = values.find((value) => !(choices as readonly string[]).includes(value));
    if (unknown !== undefined) {
      ctx.addIssue({ code: 'custom', message: `unknown ${what} ${JSON.stringify(unknown.slice(0, 40))}; expected any of ${choices.join(', ')}` });
      return z.NEVER;
    }
    if (values.length === 0) {
      ctx.addIssue({ code: 'custom', message: `must name at least one ${what}` });
      return z.NEVER;
    }
    return choices.filter((choice) => values.includes(choice));
  });
}

/** Adds a 400 naming `from` when the range is reversed or longer than the list allows; dates compare as text. */
export function checkDateOrder(value: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  // Runs even when a date failed its own check (zod reports every issue), so only well-formed dates are compared.
  if (value.from === undefined || value.to === undefined || !isIsoDate(value.from) || !isIsoDate(value.to)) return;
  if (value.from > value.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'must not be after "to"' });
  else if (daysInRange(value.from, value.to) > MAX_LIST_RANGE_DAYS) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: `must be at most ${MAX_LIST_RANGE_DAYS} days before "to"` });
  }
}

/** Every value of a parameter, in order; repeated keys and Next's string arrays alike. */
export function paramValues(input: SearchParamsInput, key: string): string[] {
  if (input instanceof URLSearchParams) return input.getAll(key);
  const value = input[key];
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : [...value];
}

/** The browser's reading: the first value if the field accepts it, otherwise undefined (the default applies). */
export function lenient<T>(schema: z.ZodType<T>, input: SearchParamsInput, key: string): T | undefined {
  const [first] = paramValues(input, key);
  if (first === undefined) return undefined;
  const result = schema.safeParse(first);
  return result.success ? result.data : undefined;
}

/** Drops a reversed date range instead of failing, as the browser reads URLs leniently. */
export function lenientRange(from: string | undefined, to: string | undefined): { from?: string; to?: string } {
  if (from !== undefined && to !== undefined && (from > to || daysInRange(from, to) > MAX_LIST_RANGE_DAYS)) return {};
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

/** Appends only the parameters that are set, in the order given. */
export function writeParams(entries: readonly (readonly [string, string | undefined])[]): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of entries) if (value !== undefined && value !== '') params.set(key, value);
  return params;
}

/** The parameters every walked list takes: page size, cursor, a date range and the zone it is cut in. */
export function listFields(maxLimit: number, defaultLimit: number) {
  return {
    limit: limitParam(maxLimit, defaultLimit),
    cursor: cursorParam.optional(),
    from: dateParam.optional(),
    to: dateParam.optional(),
    tz: timeZoneParam.optional(),
  };
}

/** The browser's reading of the shared list parameters: a bad value falls back to its default. */
export function lenientListFields(fields: ReturnType<typeof listFields>, input: SearchParamsInput, defaultLimit: number) {
  return {
    limit: lenient(fields.limit, input, 'limit') ?? defaultLimit,
    cursor: lenient(fields.cursor, input, 'cursor'),
    ...lenientRange(lenient(fields.from, input, 'from'), lenient(fields.to, input, 'to')),
    tz: lenient(fields.tz, input, 'tz'),
  };
}

/** The shared list parameters' URL entries, after a list's own filters: range, zone, page size (unless the default), cursor. */
export function listParamEntries(
  query: { readonly from?: string; readonly to?: string; readonly tz?: string; readonly limit: number; readonly cursor?: string },
  defaultLimit: number,
): [string, string | undefined][] {
  return [
    ['from', query.from],
    ['to', query.to],
    ['tz', query.tz],
    ['limit', query.limit === defaultLimit ? undefined : String(query.limit)],
    ['cursor', query.cursor],
  ];
}
