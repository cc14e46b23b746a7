import { jsonResponse, rawJsonResponse, type SandboxRequest, type SandboxResponse } from '../http';
import { decodeCursor, type Cursor } from './cursor';
import { PAYOUT_STATUSES, type PayoutStatus, type ShoplineStore, type WireTransaction } from './data';
import { EMPTY_SOURCE, fullSource, linkHeader, selectPage, type Range, type RangeSource } from './paging';
import { QueryError, param, parseChoice, parseId, parseLimit } from './query';

interface TransactionFilters {
  payoutStatus?: PayoutStatus;
  payoutId?: string;
}

const CURSOR_KEYS = ['payoutStatus', 'payoutId', 'fields'] as const;

const WIRE_FIELDS: readonly (keyof WireTransaction)[] = [
  'amount', 'currency', 'exchange_rate', 'fee', 'id', 'net', 'payout_id', 'payout_status', 'processed_at',
  'settlement_amount', 'settlement_currency', 'source_order_id', 'source_order_transaction_id', 'source_payment_id',
  'source_type', 'transaction_time', 'type',
];

/** `fields`: comma-separated column names; an unknown name is refused rather than silently dropped. */
function parseFields(raw: string | undefined): (keyof WireTransaction)[] | undefined {
  if (raw === undefined) return undefined;
  const names = raw.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const unknown = names.find((name) => !(WIRE_FIELDS as readonly string[]).includes(name));
  if (unknown !== undefined) throw new QueryError(`fields: unknown field ${unknown}`);
  if (names.length === 0) throw new QueryError('fields must name at least one field');
  return WIRE_FIELDS.filter((name) => names.includes(name));
}

function project(row: WireTransaction, fields: readonly (keyof WireTransaction)[] | undefined): Partial<WireTransaction> {
  if (fields === undefined) return row;
  const out: Partial<WireTransaction> = {};
  for (const name of fields) out[name] = row[name];
  return out;
}

// GET .../payments/store/balance_transactions.json
export function listTransactions(
  store: ShoplineStore,
  req: SandboxRequest,
  takeDroppedPayouts: () => string[],
): SandboxResponse {
  let limit: number;
  let filters: TransactionFilters;
  let start = 0;
  let cursor: Cursor | undefined;
  let fields: (keyof WireTransaction)[] | undefined;
  try {
    limit = parseLimit(param(req.query, 'limit'), 1000, 10_000);
    const pageInfo = param(req.query, 'page_info');
    if (pageInfo !== undefined) {
      cursor = decodeCursor(pageInfo, CURSOR_KEYS);
      if (!cursor) throw new QueryError('page_info is invalid');
      filters = parseFilters(store, cursor.filters.payoutStatus, cursor.filters.payoutId);
      // `fields` may be sent again with page_info; when it is not, the cursor keeps the first page's.
      fields = parseFields(param(req.query, 'fields') ?? cursor.filters.fields);
    } else {
      fields = parseFields(param(req.query, 'fields'));
      filters = parseFilters(store, param(req.query, 'payout_status'), param(req.query, 'payout_id'));
      const sinceId = parseId(param(req.query, 'since_id'), 'since_id');
      if (sinceId !== undefined) start = store.layout.firstOlderThan(sinceId);
    }
  } catch (error) {
    if (error instanceof QueryError) return jsonResponse(400, { errors: error.message });
    throw error;
  }

  const { layout } = store;
  const skip = droppedIndices(store, takeDroppedPayouts());
  const boundary =
    cursor &&
    (cursor.pageType === 'NEXT'
      ? layout.firstOlderThan(BigInt(cursor.sinceId))
      : layout.endNewerThan(BigInt(cursor.sinceId)));
  const page = selectPage({
    source: transactionSource(store, filters),
    limit,
    skip,
    start,
    cursor: cursor && boundary !== undefined ? { pageType: cursor.pageType, boundary } : undefined,
  });

  const rows = page.indices.map((i) => project(store.transaction(i), fields));
  const cursorFilters: Record<string, string> = { ...filters, ...(fields === undefined ? {} : { fields: fields.join(',') }) };
  const first = page.indices[0];
  const last = page.indices.at(-1);
  const link = linkHeader(`http://${req.host}${req.fullPath}`, limit, {
    next: page.hasNext && last !== undefined
      ? { filters: cursorFilters, sinceId: layout.transactionId(last), pageType: 'NEXT' }
      : undefined,
    previous: page.hasPrevious && first !== undefined
      ? { filters: cursorFilters, sinceId: layout.transactionId(first), pageType: 'PREVIOUS' }
      : undefined,
  });
  const response = rawJsonResponse(200, JSON.stringify({ transactions: rows }), link ? { link } : {});
  return first === undefined || last === undefined ? response : { ...response, rowTimes: [store.timeOf(first) * 1000, store.timeOf(last) * 1000] };
}

function parseFilters(store: ShoplineStore, status: string | undefined, payoutId: string | undefined): TransactionFilters {
  const filters: TransactionFilters = {};
  const payoutStatus = parseChoice(status, 'payout_status', PAYOUT_STATUSES);
  if (payoutStatus !== undefined) filters.payoutStatus = payoutStatus;
  if (payoutId !== undefined) {
    // The docs say CN-entity stores do not support payout_id; refusing it beats silently returning everything.
    if (store.params.cn) throw new QueryError('payout_id is not supported for stores of the CN entity');
    parseId(payoutId, 'payout_id');
    filters.payoutId = payoutId;
  }
  return filters;
}

/** For each dropped payout, its newest member transaction (never the payout line itself). */
function droppedIndices(store: ShoplineStore, payoutIds: readonly string[]): ReadonlySet<number> {
  const skip = new Set<number>();
  for (const id of payoutIds) {
    const k = store.layout.payoutIndexOf(id);
    if (k !== undefined) skip.add(store.layout.blockRangeI(k)[0] + 1);
  }
  return skip;
}

export function transactionSource(store: ShoplineStore, filters: TransactionFilters): RangeSource {
  const { layout } = store;
  if (filters.payoutId !== undefined) {
    const k = layout.payoutIndexOf(filters.payoutId);
    if (k === undefined) return EMPTY_SOURCE;
    if (filters.payoutStatus !== undefined && store.payoutStatus(k) !== filters.payoutStatus) return EMPTY_SOURCE;
    const [a, b] = layout.blockRangeI(k);
    return {
      forward: (from) => (from < b ? [[Math.max(a, from), b]] : []),
      backward: (before) => (before > a ? [[a, Math.min(b, before)]] : []),
    };
  }
  const status = filters.payoutStatus;
  if (status === undefined) return fullSource(layout.count);
  // Whole payouts are skipped by status; the unpaid head (status "") never matches a status filter.
  return {
    *forward(from: number): Generator<Range> {
      if (from >= layout.count) return;
      let k = from < layout.unpaidCount ? layout.payoutCount - 1 : layout.blockOfJ(layout.count - 1 - from);
      for (; k >= 0; k -= 1) {
        if (store.payoutStatus(k) !== status) continue;
        const [a, b] = layout.blockRangeI(k);
        if (b > from) yield [Math.max(a, from), b];
      }
    },
    *backward(before: number): Generator<Range> {
      const end = Math.min(before, layout.count);
      if (end <= layout.unpaidCount) return;
      for (let k = layout.blockOfJ(layout.count - end); k < layout.payoutCount; k += 1) {
        if (store.payoutStatus(k) !== status) continue;
        const [a, b] = layout.blockRangeI(k);
        if (a < end) yield [a, Math.min(b, end)];
      }
    },
  };
}
