import 'server-only';
import type { z } from 'zod';
import { ProviderError, isProviderError } from '../errors';
import { requestJson, requestJsonRows, resolveHttpOptions, type JsonRequest, type JsonResponse, type RowsReading } from '../http';
import type { ProviderPage } from '@/lib/domain/transaction';
import type { CallContext, ClientInput, PayoutsApi, ProviderClient, TransactionListInput, TransactionsApi } from '../types';
import { endpoint } from '../url';
import { wireReader, type MapContext } from '../wire';
import { parseLinkHeader } from './link';
import { mapBalances, mapPayout, mapPayouts, payoutStatusToWire, transactionCollector, transactionFlowCollector, transactionForwarder } from './map';
import {
  balanceResponseSchema,
  errorBodySchema,
  FLOW_FIELDS,
  payoutsResponseSchema,
  transactionsEnvelopeSchema,
  wireTransactionFlowSchema,
  wireTransactionSchema,
  type ShoplineCredentials,
  type ShoplineSettings,
} from './schemas';

const provider = 'shopline';
export const API_PATH = 'admin/openapi/v20250601/payments/store/';
export const MAX_TRANSACTIONS_PAGE = 10_000;
export const MAX_PAYOUTS_PAGE = 1_000;

type Query = Readonly<Record<string, string | number | undefined>>;

function errorText(body: unknown): string | null {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return null;
  const { errors } = parsed.data;
  if (typeof errors === 'string') return errors;
  const parts = Array.isArray(errors)
    ? errors.map((item) => (typeof item === 'string' ? item : ''))
    : Object.entries(errors).map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
  return parts.filter(Boolean).join('; ') || null;
}

function checkLimit(limit: number, max: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new ProviderError({ provider, kind: 'invalid_request', message: `Page size must be an integer from 1 to ${max}.` });
  }
  return limit;
}

export function createShoplineClient(input: ClientInput<ShoplineSettings, ShoplineCredentials>): ProviderClient {
  const http = resolveHttpOptions(input.http);
  const { accessToken } = input.credentials;
  const headers = { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json; charset=utf-8' };

  function call<T>(path: string, query: Query, schema: z.ZodType<T>, ctx?: CallContext): JsonRequest<T> {
    const url = endpoint(input.baseUrl, API_PATH + path, query);
    return {
      provider,
      method: 'GET',
      url,
      headers,
      schema,
      signal: ctx?.signal,
      priority: ctx?.priority,
      secrets: [accessToken],
      http,
      traceIdHeader: 'traceId',
      parseErrorBody: errorText,
      onHeaders: ctx?.onNextCursor && ((response) => ctx.onNextCursor?.(parseLinkHeader(response.get('link')).next)),
    };
  }

  function get<T>(path: string, query: Query, schema: z.ZodType<T>, ctx?: CallContext): Promise<JsonResponse<T>> {
    return requestJson(call(path, query, schema, ctx));
  }

  /** A transactions page, its rows checked and mapped one by one as the body arrives. */
  async function getRows<W, R>(query: Query, rows: RowsReading<W, R[]>, ctx?: CallContext): Promise<ProviderPage<R>> {
    const res = await requestJsonRows(call('balance_transactions.json', query, transactionsEnvelopeSchema, ctx), rows);
    const { next, previous } = parseLinkHeader(res.headers.get('link'));
    return { items: res.rows, nextCursor: next, previousCursor: previous };
  }
  const mapContext = (traceId: string | null): MapContext => ({ provider, traceId, timeZone: input.timestampZone });

  /** A cursor carries the first page's filters; SHOPLINE ignores any others sent with it, but not `limit` and `fields`. */
  function transactionsQuery(list: TransactionListInput, fields?: string): Query {
    const limit = checkLimit(list.limit, MAX_TRANSACTIONS_PAGE);
    if (list.cursor) return { limit, page_info: list.cursor, fields };
    return {
      limit,
      payout_id: list.payoutId,
      payout_status: list.payoutStatus && payoutStatusToWire(list.payoutStatus),
      since_id: list.sinceId,
      fields,
    };
  }

  const transactions: TransactionsApi = {
    maxPageSize: MAX_TRANSACTIONS_PAGE,
    // GET /payments/store/balance_transactions.json
    async listTransactions(list, ctx) {
      const rows = { key: 'transactions', schema: wireTransactionSchema, collect: (traceId: string | null) => transactionCollector(mapContext(traceId)) };
      return getRows(transactionsQuery(list), rows, ctx);
    },
    async listTransactionsInto(list, sink, ctx) {
      const rows = { key: 'transactions', schema: wireTransactionSchema, collect: (traceId: string | null) => transactionForwarder(mapContext(traceId), sink) };
      return getRows(transactionsQuery(list), rows, ctx);
    },
    // GET /payments/store/balance_transactions.json?fields=id,type,amount,fee,currency,transaction_time
    async listTransactionFlows(list, ctx) {
      const rows = { key: 'transactions', schema: wireTransactionFlowSchema, collect: (traceId: string | null) => transactionFlowCollector(mapContext(traceId)) };
      return getRows(transactionsQuery(list, FLOW_FIELDS.join(',')), rows, ctx);
    },
  };

  const payouts: PayoutsApi = {
    maxPageSize: MAX_PAYOUTS_PAGE,
    // GET /payments/store/payouts.json
    async listPayouts(list, ctx) {
      const limit = checkLimit(list.limit, MAX_PAYOUTS_PAGE);
      const query: Query = list.cursor
        ? { limit, page_info: list.cursor }
        : { limit, date_min: list.dateMin, status: list.status && payoutStatusToWire(list.status) };
      const res = await get('payouts.json', query, payoutsResponseSchema, ctx);
      const { next, previous } = parseLinkHeader(res.headers.get('link'));
      const items = mapPayouts(res.data.payouts, { provider, traceId: res.traceId, timeZone: input.timestampZone });
      return { items, nextCursor: next, previousCursor: previous };
    },
    // GET /payments/store/payout.json?payout_id=
    async getPayout(payoutId, ctx) {
      if (payoutId.trim() === '') return null;
      try {
        const res = await get('payout.json', { payout_id: payoutId }, payoutsResponseSchema, ctx);
        const index = res.data.payouts.findIndex((payout) => payout.id === payoutId);
        const wire = res.data.payouts[index];
        if (!wire) return null;
        return mapPayout(wire, `payouts[${index}]`, wireReader({ provider, traceId: res.traceId, timeZone: input.timestampZone }));
      } catch (error) {
        if (isProviderError(error) && error.kind === 'not_found') return null;
        throw error;
      }
    },
  };

  return {
    provider,
    transactions,
    payouts,
    // GET /payments/store/balance.json
    async getBalances(ctx) {
      const res = await get('balance.json', {}, balanceResponseSchema, ctx);
      return mapBalances(res.data.balance, { provider, traceId: res.traceId, timeZone: input.timestampZone, receivedAt: new Date() });
    },
  };
}
