import 'server-only';
import type { LoadedConnection } from '@/lib/connections/client';
import { callProvider } from '@/lib/connections/provider-call';
import { unsupported } from '@/lib/connections/apis';
import { ApiError } from '@/lib/http/api-error';
import { providerDefinition } from '@/lib/providers/registry';
import type { CursorScope, ListKind } from '@/lib/paging/cursor';
import type { GroupSums } from '@/lib/paging/group-sums';
import { checkLimit, pageMeta, providerPageSize, resolveCodec, SCAN_PAGE_SIZE, startState, type ListOptions, type PageMeta } from '@/lib/paging/page';
import { walkTotals, type TotalsBudget, type TotalsResult } from '@/lib/paging/totals';
import { walk, type WalkSource } from '@/lib/paging/walk';
import { dateRange, type DateRange } from '@/lib/time/dates';
import type { TransactionFlowRow } from '@/lib/domain/transaction';
import type { KeptDaysStore } from '@/lib/kept-days/store';
import { keptWalk, type KeptWalk } from '@/lib/kept-days/walk';

/**
 * The one server list pipeline: query → the connection's capable API → provider walk → filter → cursor → DTO.
 * A list (transactions, payouts) says only what is its own in a ListSpec; paging, cursors, page sizes, zones and
 * error mapping are the same for every list.
 */

/** What every list's query holds besides its own filters. */
export interface ListQueryBase {
  readonly limit: number;
  readonly cursor?: string;
  readonly from?: string;
  readonly to?: string;
  readonly tz?: string;
}

/** The lists the pipeline serves; a cursor or resume token of one is never valid for another. */
export type PipelineKind = Extract<ListKind, 'transactions' | 'payouts'>;

export interface ListSpec<Q extends ListQueryBase, Api, Row, Dto> {
  readonly kind: PipelineKind;
  /** The connection's API for this list; a 400 when its provider has none. */
  api(connection: LoadedConnection): Api;
  /** Canonical text of everything that shapes the list but the cursor; a cursor is valid only for the same text. */
  view(query: Q, timeZone: string): string;
  /** Checks the query against what the provider declares (its id formats); throws ApiError 400. */
  check?(query: Q, declared: DeclaredFacts): void;
  /** The provider's pages as the walk reads them; the first page carries the filters the provider applies. */
  source(api: Api, query: Q, range: DateRange, options: SourceOptions): WalkSource<Row>;
  /**
   * A list of the account's balance transactions: its date-filtered walks start where kept days say (`since_id`
   * near the range's end), and those the provider answers unfiltered keep the closed days they see. None by default.
   */
  readonly keptDays?: KeptDaysUse<Q, Row>;
  /** Whether rows are dropped here, so larger provider pages are scanned per request. */
  filtersHere(query: Q): boolean;
  toDto(row: Row): Dto;
}

export interface KeptDaysUse<Q, Row> {
  /** Whether the provider is asked for every row (it filters nothing), so the walk may teach days. */
  teaches(query: Q): boolean;
  flowRow(row: Row): TransactionFlowRow;
}

/** How the pipeline asks a list for its pages. */
export interface SourceOptions {
  readonly pageSize: number;
  readonly signal?: AbortSignal;
  /** Start after this row id (a `since_id` jump), not at the newest row. */
  readonly startAfterId?: string;
}

/** The parts of a provider's declaration the list pipeline reads. */
export interface DeclaredFacts {
  readonly providerName: string;
  readonly idFormats: { readonly payoutId: RegExp | null; readonly transactionId: RegExp | null };
  /** The largest page the provider serves for this list. */
  readonly pageLimit: number;
}

/** The declaration's facts for a list of this connection; a 400 when the provider declares no such list. */
export function declaredFacts(connection: LoadedConnection, kind: PipelineKind): DeclaredFacts {
  const definition = providerDefinition(connection.provider);
  const pageLimit = definition.pageLimits[kind];
  if (pageLimit === null) throw unsupported(definition.displayName, kind);
  return { providerName: definition.displayName, idFormats: definition.idFormats, pageLimit };
}

/**
 * A 400 naming `payout_id` when the id is one the provider's declared format rules out: the check of every
 * list, export and job that filters by payout.
 */
export function checkPayoutId(query: { readonly payout_id?: string }, declared: DeclaredFacts): void {
  const format = declared.idFormats.payoutId;
  if (query.payout_id !== undefined && format !== null && !format.test(query.payout_id)) {
    throw new ApiError(400, 'invalid_parameter', `Invalid query parameter "payout_id": not a ${declared.providerName} payout id.`);
  }
}

function zoneOf(query: ListQueryBase, options: { readonly timeZone?: string }): string {
  return query.tz ?? options.timeZone ?? 'UTC';
}

function scopeOf(kind: PipelineKind, connection: LoadedConnection, view: string): CursorScope & { readonly kind: PipelineKind } {
  return { kind, organizationId: connection.organizationId, connectionId: connection.id, view };
}

/**
 * The list's provider pages for a walk, starting where kept days say and teaching them what the walk sees:
 * the one place deciding where a walk starts, for list pages and totals (export jobs ask jumpStart too).
 */
async function keptSource<Q extends ListQueryBase, Api, Row>(
  spec: ListSpec<Q, Api, Row, unknown>,
  api: Api,
  connection: LoadedConnection,
  query: Q,
  range: DateRange,
  pages: Omit<SourceOptions, 'startAfterId'>,
  options: { readonly keptDays?: KeptDaysStore; readonly timeZone?: string; readonly now?: Date },
): Promise<{ source: WalkSource<Row>; kept: KeptWalk }> {
  const use = spec.keptDays;
  const store = use ? options.keptDays : undefined;
  const kept = await keptWalk(store, connection, { range, timeZone: options.timeZone, now: options.now, teaches: use?.teaches(query) ?? false });
  const source = spec.source(api, query, range, { ...pages, startAfterId: kept.startAfterId });
  return { source: use ? kept.watch(source, (row) => use.flowRow(row)) : source, kept };
}

/** One page of the list, newest first, filtered as the query says. */
export async function listPage<Q extends ListQueryBase, Api, Row, Dto>(
  spec: ListSpec<Q, Api, Row, Dto>,
  connection: LoadedConnection,
  query: Q,
  options: ListOptions = {},
): Promise<{ items: Dto[] } & PageMeta> {
  const codec = resolveCodec(options);
  const timeZone = zoneOf(query, options);
  const scope = scopeOf(spec.kind, connection, spec.view(query, timeZone));
  const state = startState(codec, scope, query.cursor);
  return callProvider(connection, async () => {
    const api = spec.api(connection);
    const declared = declaredFacts(connection, spec.kind);
    checkLimit(query.limit, declared.pageLimit, declared.providerName);
    spec.check?.(query, declared);
    const pageSize = providerPageSize(query.limit, spec.filtersHere(query), declared.pageLimit);
    const range = dateRange(query.from, query.to, timeZone);
    const { source, kept } = await keptSource(spec, api, connection, query, range, { pageSize, signal: options.signal }, options);
    const result = await walk(source, { ...state, limit: query.limit, budget: options.budget });
    await kept.finish();
    return { items: result.items.map((row) => spec.toDto(row)), ...pageMeta(codec, scope, result) };
  });
}

export interface TotalsOptions {
  readonly timeZone?: string;
  /** As for pages: where a date-filtered walk starts, and where the days it sees are kept. */
  readonly keptDays?: KeptDaysStore;
  readonly now?: Date;
  readonly resume?: string;
  readonly signal?: AbortSignal;
  readonly budget?: Partial<TotalsBudget>;
  readonly secret?: string;
  /** Rows per provider page; SCAN_PAGE_SIZE, or the provider's largest when smaller, unless a test asks for fewer. */
  readonly pageSize?: number;
}

/** Sums over every row of the filtered list (page size and cursor aside), resumable where the budget ran out. */
export async function listTotals<Q extends ListQueryBase, Api, Row, F extends string>(
  spec: ListSpec<Q, Api, Row, unknown>,
  connection: LoadedConnection,
  query: Q,
  sums: { readonly fields: readonly F[]; readonly add: (sums: GroupSums<F>, row: Row) => void },
  options: TotalsOptions = {},
): Promise<TotalsResult<F>> {
  const timeZone = zoneOf(query, options);
  return callProvider(connection, async () => {
    const api = spec.api(connection);
    const declared = declaredFacts(connection, spec.kind);
    spec.check?.(query, declared);
    const pageSize = Math.min(options.pageSize ?? SCAN_PAGE_SIZE, declared.pageLimit);
    const range = dateRange(query.from, query.to, timeZone);
    const { source, kept } = await keptSource(spec, api, connection, query, range, { pageSize, signal: options.signal }, options);
    const totals = await walkTotals(source, {
      scope: scopeOf(spec.kind, connection, spec.view({ ...query, limit: 0, cursor: undefined }, timeZone)),
      fields: sums.fields,
      resume: options.resume,
      budget: options.budget,
      secret: options.secret,
      add: sums.add,
    });
    await kept.finish();
    return totals;
  });
}
