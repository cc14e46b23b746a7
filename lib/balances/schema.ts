import { z } from 'zod';
import { decimalString } from '@/lib/domain/amount-schema';
import { PROVIDER_IDS } from '@/lib/domain/provider-ids';

const currency = z.string().regex(/^[A-Z]{3}$/);

export const balanceLineSchema = z.object({
  key: z.string(),
  subLabel: z.string().nullable(),
  currency,
  settling: decimalString.nullable(),
  available: decimalString.nullable(),
  frozen: decimalString.nullable(),
  total: decimalString,
  asOf: z.iso.datetime(),
  warnings: z.array(
    z.object({ kind: z.literal('total_mismatch'), reportedTotal: decimalString, sumOfParts: decimalString }),
  ),
});

const accountBase = {
  connectionId: z.string(),
  provider: z.enum(PROVIDER_IDS),
  providerName: z.string(),
  label: z.string(),
  fetchedAt: z.iso.datetime(),
};

export const accountBalancesSchema = z.discriminatedUnion('status', [
  z.object({ ...accountBase, status: z.literal('ok'), lines: z.array(balanceLineSchema) }),
  z.object({
    ...accountBase,
    status: z.literal('error'),
    error: z.object({
      kind: z.string(),
      message: z.string(),
      traceId: z.string().nullable(),
      status: z.number().int().nullable(),
      retryAfterSeconds: z.number().int().nullable().default(null),
    }),
  }),
]);

export const currencySummarySchema = z.object({
  currency,
  settling: decimalString.nullable(),
  available: decimalString.nullable(),
  frozen: decimalString.nullable(),
  total: decimalString,
  lineCount: z.number().int(),
});

export const overviewSchema = z.object({
  generatedAt: z.iso.datetime(),
  currencies: z.array(currencySummarySchema),
  accounts: z.array(accountBalancesSchema),
});

export type BalanceLineDto = z.infer<typeof balanceLineSchema>;
export type AccountBalancesDto = z.infer<typeof accountBalancesSchema>;
export type CurrencySummaryDto = z.infer<typeof currencySummarySchema>;
export type OverviewDto = z.infer<typeof overviewSchema>;
