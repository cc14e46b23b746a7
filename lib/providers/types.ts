import type { z } from 'zod';
import type { BalanceLine } from '@/lib/domain/balance';
import type { BalanceTransaction, Payout, PayoutStatus, ProviderPage } from '@/lib/domain/transaction';
import type { HttpOptions } from './http';

export const PROVIDER_IDS = ['genpayment', 'shopline', 'neox'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export interface ProviderCapabilities {
  readonly balances: true;
  readonly transactions: boolean;
  readonly payouts: boolean;
}

export interface CallContext {
  readonly signal?: AbortSignal;
  /** `background` calls (export jobs) wait behind interactive ones for the connection's budget. */
  readonly priority?: 'interactive' | 'background';
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
  readonly http?: Partial<HttpOptions>;
}

/** Everything the app knows about one provider: how to configure it and how to call it. */
export interface ProviderDefinition<Settings = unknown, Credentials = unknown> {
  readonly id: ProviderId;
  readonly displayName: string;
  readonly capabilities: ProviderCapabilities;
  /** Non-secret account identifiers (shop, handle, subMerchantId). */
  readonly settingsSchema: z.ZodType<Settings>;
  /** Secrets; stored encrypted, never sent to the browser. */
  readonly credentialsSchema: z.ZodType<Credentials>;
  /** The real provider's base URL for these settings, or null when it must be configured. */
  defaultBaseUrl(settings: Settings): string | null;
  createClient(input: ClientInput<Settings, Credentials>): ProviderClient;
}
