import { jsonResponse, rawJsonResponse, type SandboxRequest, type SandboxResponse } from '../http';
import { formatMinor } from '../money';
import { decodeCursor, type Cursor } from './cursor';
import { PAYOUT_STATUSES, type PayoutStatus, type ShoplineStore } from './data';
import { fullSource, linkHeader, selectPage, type Range, type RangeSource } from './paging';
import { QueryError, param, parseChoice, parseDateMin, parseId, parseLimit } from './query';

const CURSOR_KEYS = ['status', 'dateMin'] as const;
const NO_SKIP: ReadonlySet<number> = new Set();

// GET .../payments/store/payouts.json — pages over payout ranks r (0 = newest).
export function listPayouts(store: ShoplineStore, req: SandboxRequest): SandboxResponse {
  let limit: number;
  let status: PayoutStatus | undefined;
  let dateMinRaw: string | undefined;
  let dateMin: number | undefined;
  let start = 0;
  let cursor: Cursor | undefined;
  const { layout } = store;
  try {
    limit = parseLimit(param(req.query, 'limit'), 100, 1000);
    const pageInfo = param(req.query, 'page_info');
    if (pageInfo !== undefined) {
      cursor = decodeCursor(pageInfo, CURSOR_KEYS);
      if (!cursor) throw new QueryError('page_info is invalid');
      status = parseChoice(cursor.filters.status, 'status', PAYOUT_STATUSES);
      dateMinRaw = cursor.filters.dateMin;
    } else {
      status = parseChoice(param(req.query, 'status'), 'status', PAYOUT_STATUSES);
      dateMinRaw = param(req.query, 'date_min');
      const sinceId = parseId(param(req.query, 'since_id'), 'since_id');
      if (sinceId !== undefined) start = layout.firstPayoutRankOlderThan(sinceId);
    }
    dateMin = parseDateMin(dateMinRaw);
  } catch (error) {
    if (error instanceof QueryError) return jsonResponse(400, { errors: error.message });
    throw error;
  }

  const ranks = dateMin === undefined ? layout.payoutCount : ranksSince(store, dateMin);
  const source = status === undefined ? fullSource(ranks) : statusSource(store, ranks, status);
  const boundary =
    cursor &&
    (cursor.pageType === 'NEXT'
      ? layout.firstPayoutRankOlderThan(BigInt(cursor.sinceId))
      : layout.endPayoutRankNewerThan(BigInt(cursor.sinceId)));
  const page = selectPage({
    source,
    limit,
    skip: NO_SKIP,
    start,
    cursor: cursor && boundary !== undefined ? { pageType: cursor.pageType, boundary } : undefined,
  });

  const kOf = (rank: number) => layout.payoutCount - 1 - rank;
  const filters: Record<string, string> = {};
  if (status !== undefined) filters.status = status;
  if (dateMinRaw !== undefined) filters.dateMin = dateMinRaw;
  const first = page.indices[0];
  const last = page.indices.at(-1);
  const link = linkHeader(`http://${req.host}${req.fullPath}`, limit, {
    next: page.hasNext && last !== undefined
      ? { filters, sinceId: layout.payoutId(kOf(last)), pageType: 'NEXT' }
      : undefined,
    previous: page.hasPrevious && first !== undefined
      ? { filters, sinceId: layout.payoutId(kOf(first)), pageType: 'PREVIOUS' }
      : undefined,
  });
  const body = JSON.stringify({ payouts: page.indices.map((rank) => store.payout(kOf(rank))) });
  return rawJsonResponse(200, body, link ? { link } : {});
}

// GET .../payments/store/payout.json?payout_id=
export function getPayout(store: ShoplineStore, req: SandboxRequest): SandboxResponse {
  const id = param(req.query, 'payout_id');
  if (id === undefined) return jsonResponse(400, { errors: 'payout_id is required' });
  const k = store.layout.payoutIndexOf(id);
  if (k === undefined) return jsonResponse(404, { errors: 'Not Found' });
  return jsonResponse(200, { payouts: [store.payout(k)] });
}

// GET .../payments/store/balance.json — what has not been paid out yet, per currency.
export function getBalance(store: ShoplineStore): SandboxResponse {
  const sums = store.unpaidNet();
  const balance = store.currencies.map((currency) => ({ amount: formatMinor(sums.get(currency) ?? 0n, 2), currency }));
  return jsonResponse(200, { balance });
}

/** Number of newest payouts dated at or after `epochSeconds` (dates fall strictly as rank grows). */
function ranksSince(store: ShoplineStore, epochSeconds: number): number {
  const { layout } = store;
  const dateOf = (rank: number) => store.timeOf(layout.blockRangeI(layout.payoutCount - 1 - rank)[0]);
  let lo = 0;
  let hi = layout.payoutCount;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dateOf(mid) >= epochSeconds) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function statusSource(store: ShoplineStore, ranks: number, status: PayoutStatus): RangeSource {
  const matches = (rank: number) => store.payoutStatus(store.layout.payoutCount - 1 - rank) === status;
  return {
    *forward(from: number): Generator<Range> {
      for (let r = Math.max(0, from); r < ranks; r += 1) if (matches(r)) yield [r, r + 1];
    },
    *backward(before: number): Generator<Range> {
      for (let r = Math.min(before, ranks) - 1; r >= 0; r -= 1) if (matches(r)) yield [r, r + 1];
    },
  };
}
