import 'server-only';
import type { LoadedConnection } from '@/lib/connections/client';
import { listOrganizationConnections, loadConnection } from '@/lib/connections/load';
import { databaseKeptDays, type KeptDaysStore } from '@/lib/kept-days/store';
import { getProviderDefinition } from '@/lib/providers/registry';
import { dateIn, startOfDay } from '@/lib/time/dates';
import { callProvider } from '@/lib/connections/provider-call';
import { transactionsApi } from '@/lib/connections/apis';
import { FlowAccumulator } from './accumulate';
import { planBuckets } from './buckets';
import { TtlLru, flowsCacheKey, type FlowsCacheKey } from './cache';
import { accountDays } from './kept';
import { resolvePeriod } from './period';
import { ALL_ACCOUNTS, type FlowsQuery } from './query-url';
import { reportFlows, type FlowsReportContext } from './report';
import { settle } from './failures';
import type { FlowsAccountFailureDto, FlowsDto } from './schema';

/** Closed periods cannot change, but a provider can still correct rows late: keep them briefly. */
const CACHE_TTL_MS = 5 * 60_000;
const CACHE_MAX_ENTRIES = 500;
const CACHE_SLOT = Symbol.for('fundsight.flows.cache');

type CacheHolder = { [CACHE_SLOT]?: TtlLru<FlowsDto> };

/** One cache per server process; on globalThis because route handlers and pages may load this module twice. */
export function sharedFlowsCache(): TtlLru<FlowsDto> {
  const holder = globalThis as CacheHolder;
  holder[CACHE_SLOT] ??= new TtlLru<FlowsDto>(CACHE_MAX_ENTRIES, CACHE_TTL_MS);
  return holder[CACHE_SLOT];
}

export interface FlowsScope {
  readonly organizationId: string;
  /** The organization's zone: days and weeks are cut there. */
  readonly timeZone: string;
}

export interface FlowsOptions {
  readonly signal?: AbortSignal;
  readonly now?: Date;
  /** null: neither read nor write a cache (benchmarks). */
  readonly cache?: TtlLru<FlowsDto> | null;
  /** Accounts of an "all accounts" query that could not even be loaded; reported with the others' failures. */
  readonly unreadable?: readonly FlowsAccountFailureDto[];
  /** Where settled days' totals are kept and read back; absent: every day is walked (loadFlows uses the database). */
  readonly kept?: KeptDaysStore;
}

/**
 * The money flows of a period in one currency, summed over `accounts` (all of the scope's organization).
 * Walks every account's pages once and keeps the sums of every currency seen; a closed period is cached
 * per currency so switching currency does not walk again.
 */
export async function aggregateFlows(
  scope: FlowsScope,
  accounts: readonly LoadedConnection[],
  query: FlowsQuery,
  options: FlowsOptions = {},
): Promise<FlowsDto> {
  const foreign = accounts.find((account) => account.organizationId !== scope.organizationId);
  if (foreign) throw new Error('aggregateFlows: an account of another organization');
  const { timeZone } = scope;
  const now = options.now ?? new Date();
  const period = resolvePeriod(query.range, timeZone, now);
  const cache = period.closed ? (options.cache === undefined ? sharedFlowsCache() : options.cache) : null;
  const keyOf = (currency: string): string => {
    const key: FlowsCacheKey = {
      organizationId: scope.organizationId,
      account: query.account,
      accountIds: accounts.map((a) => a.id),
      from: period.from,
      to: period.to,
      timeZone,
      currency,
    };
    return flowsCacheKey(key);
  };
  const hit = cache?.get(keyOf(query.currency ?? ''));
  if (hit) return { ...hit, cached: true };

  const plan = planBuckets(period.from, period.to, period.granularity, timeZone);
  const today = dateIn(timeZone, now);
  const scanAccount = async (account: LoadedConnection) => {
    const api = transactionsApi(account);
    const own = new FlowAccumulator(plan);
    const request = { from: period.from, to: period.to, today, timeZone, pageSize: api.maxPageSize, store: options.kept, signal: options.signal };
    const scan = await accountDays(api, account, request);
    for (const day of scan.days) own.addDay(day, startOfDay(day.day, timeZone));
    return { account, own, scan };
  };
  // One account's failure fails a one-account answer; for "all accounts" it is named and the rest still count.
  const outcomes = await Promise.all(
    accounts.map((account) =>
      query.account === ALL_ACCOUNTS
        ? settle(account, () => scanAccount(account), options.signal)
        : callProvider(account, () => scanAccount(account)).then((value) => ({ ok: true as const, value })),
    ),
  );
  const scans = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.value] : []));
  const failures = [...(options.unreadable ?? []), ...outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.failure]))];
  const total = new FlowAccumulator(plan);
  for (const { own } of scans) total.merge(own);

  const context: FlowsReportContext = {
    account: query.account,
    accountIds: scans.map(({ account }) => account.id),
    failures,
    timeZone,
    period,
    plan,
    scannedRows: scans.reduce((sum, { scan }) => sum + scan.scannedRows, 0),
    providerPages: scans.reduce((sum, { scan }) => sum + scan.providerPages, 0),
    keptDays: scans.reduce((sum, { scan }) => sum + scan.keptDays, 0),
    generatedAt: now,
  };
  const main = total.currencies()[0] ?? null;
  const currency = query.currency ?? main;
  const result = reportFlows(total, currency, context);
  // A partial answer is never cached: the failed account may answer on the next try.
  if (cache && failures.length === 0) {
    const report = (code: string | null) => (code === currency ? result : reportFlows(total, code, context));
    cache.set(keyOf(''), report(main));
    for (const code of new Set([...total.currencies(), ...(currency === null ? [] : [currency])])) cache.set(keyOf(code), report(code));
  }
  return result;
}

export interface QueryAccounts {
  readonly accounts: LoadedConnection[];
  /** "All accounts" only: connections that could not be loaded (e.g. undecryptable credentials). */
  readonly unreadable: FlowsAccountFailureDto[];
}

/** The organization's accounts a query names: one (404 if not the organization's), or every transaction-capable one. */
export async function accountsForQuery(organizationId: string, account: string): Promise<QueryAccounts> {
  if (account !== ALL_ACCOUNTS) {
    const connection = await loadConnection(organizationId, account);
    await callProvider(connection, async () => transactionsApi(connection));
    return { accounts: [connection], unreadable: [] };
  }
  const summaries = await listOrganizationConnections(organizationId);
  const capable = summaries.filter((summary) => getProviderDefinition(summary.provider).capabilities.transactions);
  const loaded = await Promise.all(capable.map((summary) => settle(summary, () => loadConnection(organizationId, summary.id))));
  return {
    accounts: loaded.flatMap((outcome) => (outcome.ok ? [outcome.value] : [])),
    unreadable: loaded.flatMap((outcome) => (outcome.ok ? [] : [outcome.failure])),
  };
}

/** What the route handler and the server-side prefetch both call. */
export async function loadFlows(
  user: { readonly organizationId: string; readonly organizationTimezone: string },
  query: FlowsQuery,
  options: FlowsOptions = {},
): Promise<FlowsDto> {
  const { accounts, unreadable } = await accountsForQuery(user.organizationId, query.account);
  const scope = { organizationId: user.organizationId, timeZone: user.organizationTimezone };
  return aggregateFlows(scope, accounts, query, { kept: databaseKeptDays(), ...options, unreadable });
}
