import 'server-only';
import type { z } from 'zod';
import type { BalanceLine } from '@/lib/domain/balance';
import type { BalanceTransaction, Payout, PayoutStatus, ProviderPage, RowSink, TransactionFlowRow } from '@/lib/domain/transaction';
import type { ProviderId } from '@/lib/domain/provider-ids';
import type { HttpOptions } from './http';
import type { TokenStore } from './token-store';

export { PROVIDER_IDS, type ProviderId } from '@/lib/domain/provider-ids';

export interface ProviderCapabilities {
  readonly balances: true;
  readonly transactions: boolean;
  readonly payouts: boolean;
}

export type { CallPriority } from './budget';
import type { CallPriority } from './budget';

export interface CallContext {
  readonly signal?: AbortSignal;
  /** Default 'interactive'. */
  readonly priority?: CallPriority;
  /**
   * A list call tells the next page's cursor here as soon as the provider names it, before the page is read
   * (SHOPLINE's `link` header), so a walk may ask for that page meanwhile; providers that cannot, do not call it.
   */
  readonly onNextCursor?: (cursor: string | null) => void;
}

/**
 * A provider's documented request budget for one account: a bucket of `burst` requests refilled at
 * `perSecond`, counted per `accountKey` (the provider's own account: a store, a shop, a sub-merchant).
 */
export interface RateBudget {
  readonly accountKey: string;
  readonly burst: number;
  readonly perSecond: number;
}

export interface TransactionListInput {
  /** The provider's own cursor from a previous page; when set, the filters below are ignored. */
  readonly cursor?: string | null;
  readonly limit: number;
  readonly payoutId?: string;
  readonly payoutStatus?: PayoutStatus;
  readonly sinceId?: string;
}

export interface PayoutListInput {
  readonly cursor?: string | null;
  readonly limit: number;
  readonly status?: PayoutStatus;
  /** ISO 8601 date or date-time. */
  readonly dateMin?: string;
}

export interface BalancesApi {
  getBalances(ctx?: CallContext): Promise<BalanceLine[]>;
}

export interface TransactionsApi {
  readonly maxPageSize: number;
  listTransactions(input: TransactionListInput, ctx?: CallContext): Promise<ProviderPage<BalanceTransaction>>;
  /**
   * The same page, its rows handed to `sink` as the body arrives instead of collected (the page comes back with
   * no items): a walk that only passes rows on never holds a page of them. Absent: use listTransactions.
   */
  listTransactionsInto?(input: TransactionListInput, sink: RowSink<BalanceTransaction>, ctx?: CallContext): Promise<ProviderPage<never>>;
  /**
   * The same list with only the columns a sum needs, where the provider lets a client choose its columns
   * (smaller pages); absent: use listTransactions. Cursors of both are the same list's.
   */
  listTransactionFlows?(input: TransactionListInput, ctx?: CallContext): Promise<ProviderPage<TransactionFlowRow>>;
}

export interface PayoutsApi {
  readonly maxPageSize: number;
  listPayouts(input: PayoutListInput, ctx?: CallContext): Promise<ProviderPage<Payout>>;
  /** null when the provider has no payout with that id. */
  getPayout(payoutId: string, ctx?: CallContext): Promise<Payout | null>;
}

/** A connected account's client; transactions and payouts exist only where capabilities say so. */
export interface ProviderClient extends BalancesApi {
  readonly provider: ProviderId;
  readonly transactions: TransactionsApi | null;
  readonly payouts: PayoutsApi | null;
}

export interface ClientInput<Settings, Credentials> {
  readonly baseUrl: string;
  readonly settings: Settings;
  readonly credentials: Credentials;
  /**
   * The zone the wire reader reads offset-less timestamps in: the declaration's `timestampZone` (the registry
   * passes it), null when the provider declares none; a provider with a per-connection zone setting (NeoX)
   * reads that setting instead, which defaults to this declared zone.
   */
  readonly timestampZone: string | null;
  readonly http?: Partial<HttpOptions>;
  /** Where OAuth tokens are shared between clients and instances (NeoX); in process when absent. */
  readonly tokenStore?: TokenStore;
}

/** One input of a connection form: a key of the settings or credentials schema, with its words. */
export interface FormField {
  readonly key: string;
  readonly label: string;
  readonly help: string;
  readonly placeholder?: string;
}

/** Everything the app knows about one provider: how to configure it and how to call it. */
export interface ProviderDefinition<Settings = unknown, Credentials = unknown> {
  readonly id: ProviderId;
  readonly displayName: string;
  readonly capabilities: ProviderCapabilities;
  /** Form words for each settings and credentials key, in form order. */
  readonly form: {
    readonly settings: readonly FormField[];
    readonly credentials: readonly FormField[];
    /** Help for the base URL field (what the default is, when it must be set). */
    readonly baseUrlHelp: string;
    /** What a 403 from the balance endpoint means for this provider (a missing scope, an inactive account). */
    readonly forbiddenHint: string;
  };
  /** The path every call of the client starts with; a base URL already ending in it would double it. */
  readonly apiPath: string;
  /** Formats of the provider's own ids, for checking route parameters before calling. */
  readonly idFormats: { readonly payoutId: RegExp | null; readonly transactionId: RegExp | null };
  /** Largest page each list endpoint accepts; null where the capability is absent. */
  readonly pageLimits: { readonly transactions: number | null; readonly payouts: number | null };
  /**
   * The IANA zone of the provider's timestamps that carry no offset; null when every timestamp has one
   * (or the provider sends none).
   */
  readonly timestampZone: string | null;
  /** Non-secret account identifiers (shop, handle, subMerchantId). */
  readonly settingsSchema: z.ZodType<Settings>;
  /** Secrets; stored encrypted, never sent to the browser. */
  readonly credentialsSchema: z.ZodType<Credentials>;
  /** The real provider's base URL for these settings, or null when it must be configured. */
  defaultBaseUrl(settings: Settings): string | null;
  /** The documented (or, where undocumented, a conservative) request budget of the account. */
  rateBudget(settings: Settings, baseUrl: string): RateBudget;
  createClient(input: ClientInput<Settings, Credentials>): ProviderClient;
}
