import { z } from 'zod';
import { isKnownCurrency } from '@/lib/domain/currencies';
import { dateParam, type Assert, type SameType } from '@/lib/list-query/params';
import { DEFAULT_PERIOD, PRESET_PERIODS } from './period';
import { ALL_ACCOUNTS, CURRENCY_CODE, flowsRangeProblem, isAccountParam, type FlowsQuery } from './query-url';

/**
 * The flow charts' strict query schema, for the route handler (server). The server prefetch and the browser
 * read the URL with ./query-url, zod-free, from the same predicates.
 */

const currencyParam = z
  .string()
  .regex(CURRENCY_CODE, 'must be a three-letter currency code such as USD')
  .refine(isKnownCurrency, 'is not a currency Fundsight knows');

const accountParam = z.string({ error: 'must be "all" or a connection id' }).refine(isAccountParam, { error: 'must be "all" or a connection id' });

const fields = {
  period: z.enum(PRESET_PERIODS).optional(),
  from: dateParam.optional(),
  to: dateParam.optional(),
  currency: currencyParam.optional(),
  account: accountParam.default(ALL_ACCOUNTS),
};

/** Strict: an unknown or invalid parameter is a 400 naming it (see parseQuery). */
export const flowsQuerySchema = z
  .strictObject(fields)
  .superRefine((value, ctx) => {
    const problem = flowsRangeProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  })
  .transform(
    (value): FlowsQuery => ({
      range:
        value.from !== undefined && value.to !== undefined
          ? { from: value.from, to: value.to }
          : { period: value.period ?? DEFAULT_PERIOD },
      account: value.account,
      ...(value.currency === undefined ? {} : { currency: value.currency }),
    }),
  );

/** The schema's output is the browser's query type, or this does not compile. */
export type FlowsSchemaOutput = Assert<SameType<z.output<typeof flowsQuerySchema>, FlowsQuery>>;
