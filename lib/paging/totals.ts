import 'server-only';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { serverEnv } from '@/lib/config/env';
import { isKnownCurrency, type CurrencyCode } from '@/lib/domain/currencies';
import { ApiError } from '@/lib/http/api-error';
import type { WalkSource } from './walk';
import { GroupSums } from './group-sums';

/**
 * Totals over a whole filtered list: walks the provider's pages (newest first), sums every kept row and
 * stops at the view's end or when the budget runs out. Then it answers with a signed resume token holding
 * the provider cursor and the sums so far, so the next request carries on where this one stopped.
 */

export interface TotalsBudget {
  readonly maxProviderPages: number;
  readonly timeBudgetMs: number;
}

export const DEFAULT_TOTALS_BUDGET: TotalsBudget = { maxProviderPages: 12, timeBudgetMs: 6_000 };

export interface TotalsScope {
  readonly kind: 'transactions' | 'payouts';
  readonly organizationId: string;
  readonly connectionId: string;
  /** Canonical text of the filters the totals are for. */
  readonly view: string;
}

export interface TotalsResult<F extends string> {
  readonly sums: GroupSums<F>;
  readonly complete: boolean;
  readonly scannedRows: number;
  /** null once complete. */
  readonly resume: string | null;
}

const minor = z.string().regex(/^-?\d{1,40}$/).transform((v) => BigInt(v));
const code = z.string().refine(isKnownCurrency).transform((v) => v as CurrencyCode);
const stateSchema = z.object({
  c: z.string().min(1).max(1500),
  n: z.number().int().min(0),
  s: z.array(z.tuple([z.string().max(80), code, z.number().int().min(0)]).rest(minor)).max(2_000),
});

const invalidResume = () => new ApiError(400, 'invalid_parameter', 'Invalid query parameter "resume": start the totals again.');

const keys = new Map<string, Buffer>();
/** Keyed from NEXTAUTH_SECRET through HKDF, like the list cursors, under its own label. */
function sign(scope: TotalsScope, body: string, secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, '', 'fundsight-totals-v1', 32));
    keys.set(secret, key);
  }
  return createHmac('sha256', key)
    .update(JSON.stringify([scope.kind, scope.organizationId, scope.connectionId, scope.view, body]))
    .digest()
    .subarray(0, 16);
}

function encode(scope: TotalsScope, state: z.input<typeof stateSchema>, secret: string): string {
  const body = Buffer.from(JSON.stringify(state)).toString('base64url');
  return `${body}.${sign(scope, body, secret).toString('base64url')}`;
}

function decode(scope: TotalsScope, token: string, secret: string): z.output<typeof stateSchema> {
  const [body, mac, ...rest] = token.split('.');
  if (!body || !mac || rest.length > 0) throw invalidResume();
  const given = Buffer.from(mac, 'base64url');
  const expected = sign(scope, body, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidResume();
  try {
    const parsed = stateSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // falls through to the refusal
  }
  throw invalidResume();
}

export async function walkTotals<T, F extends string>(
  source: WalkSource<T>,
  options: {
    readonly scope: TotalsScope;
    readonly fields: readonly F[];
    readonly resume?: string;
    readonly budget?: Partial<TotalsBudget>;
    readonly now?: () => number;
    /** Signs the resume token; the server's NEXTAUTH_SECRET unless a test passes its own. */
    readonly secret?: string;
    /** Adds one kept row to the sums. */
    readonly add: (sums: GroupSums<F>, row: T) => void;
  },
): Promise<TotalsResult<F>> {
  const budget = { ...DEFAULT_TOTALS_BUDGET, ...options.budget };
  const now = options.now ?? Date.now;
  const started = now();
  const secret = options.secret ?? serverEnv().nextAuthSecret;
  const state = options.resume === undefined ? null : decode(options.scope, options.resume, secret);
  const sums = state ? GroupSums.fromJSON(options.fields, state.s) : new GroupSums(options.fields);
  let cursor: string | null = state?.c ?? null;
  let scanned = state?.n ?? 0;
  for (let pages = 0; pages < budget.maxProviderPages; pages++) {
    const page = await source.fetchPage(cursor);
    for (const row of page.items) {
      scanned += 1;
      const verdict = source.classify(row);
      if (verdict === 'older') return { sums, complete: true, scannedRows: scanned, resume: null };
      if (verdict === 'keep') options.add(sums, row);
    }
    if (page.nextCursor === null) return { sums, complete: true, scannedRows: scanned, resume: null };
    cursor = page.nextCursor;
    if (now() - started >= budget.timeBudgetMs) break;
  }
  const resume = encode(options.scope, { c: cursor ?? '', n: scanned, s: sums.toJSON() }, secret);
  return { sums, complete: false, scannedRows: scanned, resume };
}
