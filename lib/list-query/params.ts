import { z } from 'zod';
import { maxFilterDate, MIN_FILTER_DATE, isFilterDate, isIsoDate } from '@/lib/time/dates';
import { isPayoutId, isTimeZoneParam, LIMIT_DIGITS, listRangeProblem, MAX_CURSOR_LENGTH, MIN_LIMIT, splitList } from './fields';

/**
 * The strict zod schemas of the list parameters (route handlers, exports): a bad value is a 400 naming it.
 * Built from the predicates of ./fields, the browser's zod-free reading, so both accept the same values.
 */

/** True exactly when A and B are the same type, modifiers included; `Assert<SameType<A, B>>` does not compile otherwise. */
export type SameType<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export type Assert<T extends true> = T;

export const limitParam = (max: number, fallback: number) =>
  z
    .string()
    .regex(LIMIT_DIGITS, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(MIN_LIMIT, `must be at least ${MIN_LIMIT}`).max(max, `must be at most ${max}`))
    .default(fallback);

/** The bounds of ./fields' isCursor, each with its message. */
export const cursorParam = z.string().min(1, 'must not be empty').max(MAX_CURSOR_LENGTH, 'is too long');

/** A calendar date within the filters' bounds (2000-01-01 to a year after today). */
export const dateParam = z.string().superRefine((value, ctx) => {
  if (!isIsoDate(value)) ctx.addIssue({ code: 'custom', message: 'must be a date as YYYY-MM-DD' });
  else if (!isFilterDate(value)) ctx.addIssue({ code: 'custom', message: `must be between ${MIN_FILTER_DATE} and ${maxFilterDate()}` });
});

export const timeZoneParam = z.string().refine(isTimeZoneParam, 'must be an IANA time zone such as Europe/Berlin');

/** A payout id in a provider-neutral form; the list pipeline checks it against the provider's declared format. */
export const payoutIdParam = z.string().refine(isPayoutId, 'must be a payout id (letters, digits, "_" or "-", at most 64)');

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
  const problem = listRangeProblem(value.from, value.to);
  if (problem !== null) ctx.addIssue({ code: 'custom', path: ['from'], message: problem });
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
