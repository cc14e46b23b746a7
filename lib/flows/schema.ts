import { z } from 'zod';
import { PROVIDER_IDS } from '@/lib/domain/provider-ids';
import { currencyCode, decimalString } from '@/lib/domain/amount-schema';
import { SANKEY_LABELS, type SankeyNodeKey } from './sankey';
import { FLOW_TYPES, SERIES_KEYS } from './series';

/** What GET /api/flows answers: exact decimal strings next to their currency; the client parses with these. */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().nonnegative();
const sankeyKey = z.enum(Object.keys(SANKEY_LABELS) as [SankeyNodeKey, ...SankeyNodeKey[]]);

/** Inflow series are >= 0, outflow series <= 0; `in + out = net`. */
const sums = {
  count,
  in: decimalString,
  out: decimalString,
  net: decimalString,
  series: z.record(z.enum(SERIES_KEYS), decimalString),
};

export const flowBucketSchema = z.object({ start: isoDate, end: isoDate, ...sums });

export const flowTypeRowSchema = z.object({
  type: z.enum(FLOW_TYPES),
  /** The provider's names behind 'other' (e.g. fee_reversed); empty for known types. */
  rawTypes: z.array(z.string()),
  count,
  amount: decimalString,
  fee: decimalString,
  net: decimalString,
});

export const flowsSankeySchema = z.object({
  nodes: z.array(z.object({ key: sankeyKey, label: z.string(), value: decimalString })),
  links: z.array(z.object({ source: sankeyKey, target: sankeyKey, value: decimalString })),
});

/** An account of "all accounts" that could not be read; the totals leave it out. */
export const flowsAccountFailureSchema = z.object({
  connectionId: z.string(),
  label: z.string(),
  provider: z.enum(PROVIDER_IDS),
  providerName: z.string(),
  kind: z.string(),
  message: z.string(),
  traceId: z.string().nullable(),
  status: z.number().int().nullable(),
});

export const flowsResponseSchema = z.object({
  /** null only when the period holds no transactions and no currency was asked for. */
  currency: currencyCode.nullable(),
  /** Currencies with transactions in the period, most transactions first. */
  currencies: z.array(currencyCode),
  account: z.string(),
  /** The accounts summed: one, or every transaction-capable account for "all" that could be read. */
  accountIds: z.array(z.string()),
  /** "All accounts" only: the accounts that failed, so the totals are partial; empty when every account counted. */
  failures: z.array(flowsAccountFailureSchema),
  from: isoDate,
  to: isoDate,
  timeZone: z.string(),
  granularity: z.enum(['day', 'week']),
  closed: z.boolean(),
  buckets: z.array(flowBucketSchema),
  totals: z.object(sums),
  byType: z.array(flowTypeRowSchema),
  /** Sums of the byType rows: the transactions table's sums for the same account, period and currency. */
  typeTotals: flowTypeRowSchema.pick({ count: true, amount: true, fee: true, net: true }),
  sankey: flowsSankeySchema,
  scannedRows: count,
  providerPages: count,
  /** Account-days answered from kept totals (closed, settled days a walk covered before) instead of the provider. */
  keptDays: count,
  generatedAt: z.iso.datetime(),
  /** Served from the server's cache of closed periods. */
  cached: z.boolean(),
});

export type FlowBucketDto = z.infer<typeof flowBucketSchema>;
export type FlowTypeRowDto = z.infer<typeof flowTypeRowSchema>;
export type FlowsSankeyDto = z.infer<typeof flowsSankeySchema>;
export type FlowsAccountFailureDto = z.infer<typeof flowsAccountFailureSchema>;
export type FlowsDto = z.infer<typeof flowsResponseSchema>;
export type FlowSumsDto = FlowsDto['totals'];
