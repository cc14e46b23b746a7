import 'server-only';
import type { z } from 'zod';
import { genpayment, type GenpaymentCredentials, type GenpaymentSettings } from './genpayment';
import type { HttpOptions } from './http';
import { neox, type NeoxCredentials, type NeoxSettings } from './neox';
import { shopline, type ShoplineCredentials, type ShoplineSettings } from './shopline';
import type { TokenStore } from './token-store';
import type { ProviderClient, ProviderDefinition, ProviderId, RateBudget } from './types';

export interface ProviderDefinitions {
  readonly genpayment: ProviderDefinition<GenpaymentSettings, GenpaymentCredentials>;
  readonly shopline: ProviderDefinition<ShoplineSettings, ShoplineCredentials>;
  readonly neox: ProviderDefinition<NeoxSettings, NeoxCredentials>;
}

export const providers: ProviderDefinitions = { genpayment, shopline, neox };

export function getProviderDefinition<K extends ProviderId>(id: K): ProviderDefinitions[K] {
  return providers[id];
}

/** A connection's stored configuration cannot be used; the message names fields, never their values. */
export class ProviderConfigError extends Error {
  override readonly name = 'ProviderConfigError';
  constructor(
    readonly provider: ProviderId,
    readonly fields: readonly string[],
    message: string,
  ) {
    super(message);
  }
}

function validate<T>(provider: ProviderId, part: 'settings' | 'credentials', schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    field: [part, ...issue.path.map(String)].join('.'),
    // Messages are ours or zod's generic ones ("expected string"); neither repeats the input.
    message: issue.message,
  }));
  const text = problems.map((p) => `${p.field} ${p.message}`).join('; ');
  throw new ProviderConfigError(provider, problems.map((p) => p.field), `Invalid ${provider} ${part}: ${text}`);
}

function validateBaseUrl(provider: ProviderId, baseUrl: string): string {
  let url: URL | null = null;
  try {
    url = new URL(baseUrl);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
    throw new ProviderConfigError(provider, ['baseUrl'], `Invalid ${provider} baseUrl: must be an http(s) URL without credentials`);
  }
  return baseUrl;
}

export interface ConnectionInput {
  readonly provider: ProviderId;
  readonly baseUrl: string;
  readonly settings: unknown;
  readonly credentials: unknown;
  readonly http?: Partial<HttpOptions>;
  readonly tokenStore?: TokenStore;
}

function create<S, C>(definition: ProviderDefinition<S, C>, conn: ConnectionInput): ProviderClient {
  return definition.createClient({
    baseUrl: validateBaseUrl(conn.provider, conn.baseUrl),
    settings: validate(conn.provider, 'settings', definition.settingsSchema, conn.settings),
    credentials: validate(conn.provider, 'credentials', definition.credentialsSchema, conn.credentials),
    http: conn.http,
    tokenStore: conn.tokenStore,
  });
}

function budgetOf<S, C>(definition: ProviderDefinition<S, C>, conn: Pick<ConnectionInput, 'provider' | 'baseUrl' | 'settings'>): RateBudget {
  const settings = validate(conn.provider, 'settings', definition.settingsSchema, conn.settings);
  return definition.rateBudget(settings, validateBaseUrl(conn.provider, conn.baseUrl));
}

/** The account's request budget as its provider declares it, from unvalidated settings. */
export function rateBudgetFor(conn: Pick<ConnectionInput, 'provider' | 'baseUrl' | 'settings'>): RateBudget {
  switch (conn.provider) {
    case 'genpayment':
      return budgetOf(providers.genpayment, conn);
    case 'shopline':
      return budgetOf(providers.shopline, conn);
    case 'neox':
      return budgetOf(providers.neox, conn);
    default: {
      const unknownProvider: never = conn.provider;
      throw new ProviderConfigError(unknownProvider, ['provider'], 'Unknown provider');
    }
  }
}

/** Validates settings and credentials with the provider's schemas, then builds its client. */
export function createProviderClient(conn: ConnectionInput): ProviderClient {
  switch (conn.provider) {
    case 'genpayment':
      return create(providers.genpayment, conn);
    case 'shopline':
      return create(providers.shopline, conn);
    case 'neox':
      return create(providers.neox, conn);
    default: {
      const unknownProvider: never = conn.provider;
      throw new ProviderConfigError(unknownProvider, ['provider'], 'Unknown provider');
    }
  }
}

function defaultFor<S, C>(definition: ProviderDefinition<S, C>, settings: unknown): string | null {
  const parsed = definition.settingsSchema.safeParse(settings);
  return parsed.success ? definition.defaultBaseUrl(parsed.data) : null;
}

/** The real provider host for unvalidated settings; null when it must be configured or settings are invalid. */
export function defaultBaseUrlFor(provider: ProviderId, settings: unknown): string | null {
  switch (provider) {
    case 'genpayment':
      return defaultFor(providers.genpayment, settings);
    case 'shopline':
      return defaultFor(providers.shopline, settings);
    case 'neox':
      return defaultFor(providers.neox, settings);
    default: {
      const unknownProvider: never = provider;
      return unknownProvider;
    }
  }
}
