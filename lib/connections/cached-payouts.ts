import 'server-only';
import { z } from 'zod';
import { serverEnv } from '@/lib/config/env';
import { toCurrency } from '@/lib/domain/currencies';
import { parseMoney, toDecimalString } from '@/lib/domain/money';
import { PAYOUT_STATUSES, type Payout, type ProviderPage } from '@/lib/domain/transaction';
import type { PayoutsApi, ProviderClient } from '@/lib/providers/types';
import { cacheKey } from './cache/cached';
import type { ProviderRuntime } from './runtime';

/** A payout as cached: the amount as its exact decimal text, revived into Money on the way out. */
const payoutSchema = z
  .object({ id: z.string(), amount: z.string(), currency: z.string(), status: z.enum(PAYOUT_STATUSES).nullable(), date: z.string() })
  .transform((p): Payout => {
    const currency = toCurrency(p.currency);
    return { id: p.id, amount: parseMoney(p.amount, currency), status: p.status, date: p.date };
  });
const pageSchema = z.object({
  items: z.array(payoutSchema),
  nextCursor: z.string().nullable(),
  previousCursor: z.string().nullable(),
});

const encodePayout = (p: Payout) => ({ id: p.id, amount: toDecimalString(p.amount), currency: p.amount.currency, status: p.status, date: p.date });
const encodePage = (page: ProviderPage<Payout>) => ({ ...page, items: page.items.map(encodePayout) });

/** A completed or failed payout does not change again; one in progress may, any moment. */
export function isSettled(payout: Payout | null): boolean {
  return payout !== null && (payout.status === 'completed' || payout.status === 'failed');
}

interface Owner {
  readonly id: string;
  readonly organizationId: string;
}

/** Payout lists and payouts answered from the response cache, keyed by organisation and connection. */
export function withPayoutCache(client: ProviderClient, connection: Owner, runtime: ProviderRuntime): ProviderClient {
  const api = client.payouts;
  if (!api) return client;
  const ttl = serverEnv().cacheTtlSeconds;
  const key = (kind: string, request: unknown) =>
    cacheKey(runtime.keyPrefix, { kind, organizationId: connection.organizationId, connectionId: connection.id, request });
  const payouts: PayoutsApi = {
    maxPageSize: api.maxPageSize,
    async listPayouts(input, ctx) {
      if (ttl.payouts === 0) return api.listPayouts(input, ctx);
      const cached = await runtime.cache.load({
        key: key('payouts', input),
        ttlMs: ttl.payouts * 1000,
        schema: pageSchema,
        encode: encodePage,
        load: () => api.listPayouts(input, ctx),
      });
      return cached.value;
    },
    async getPayout(payoutId, ctx) {
      const cached = await runtime.cache.load({
        key: key('payout', payoutId),
        // A missing payout is not remembered: it may appear.
        ttlMs: (payout) => (payout === null ? 0 : (isSettled(payout) ? ttl.settledPayout : ttl.payouts) * 1000),
        schema: payoutSchema.nullable(),
        encode: (payout) => payout && encodePayout(payout),
        load: () => api.getPayout(payoutId, ctx),
      });
      return cached.value;
    },
  };
  return { ...client, payouts };
}
