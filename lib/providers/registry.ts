import 'server-only';
import { ZodObject, type z } from 'zod';
import { DEVELOPMENT_POLICY, BaseUrlError, checkBaseUrl, type BaseUrlPolicy } from './base-url';
import { genpayment } from './genpayment';
import type { HttpOptions } from './http';
import { neox } from './neox';
import { shopline } from './shopline';
import type { TokenStore } from './token-store';
import type { ProviderClient, ProviderDefinition, ProviderId, RateBudget } from './types';

/** Every provider's declaration by id: the only list of implementations. */
export const providers = { genpayment, shopline, neox } satisfies Readonly<Record<ProviderId, { readonly id: ProviderId }>>;

export type ProviderDefinitions = typeof providers;

export function getProviderDefinition<K extends ProviderId>(id: K): ProviderDefinitions[K] {
  return providers[id];
}

/** The declaration as provider-neutral code sees it: schemas yield unknown values. */
export function providerDefinition(id: ProviderId): ProviderDefinition {
  return providers[id] as unknown as ProviderDefinition;
}

export function isProviderId(value: string): value is ProviderId {
  return Object.hasOwn(providers, value);
}

/** A connection's stored configuration cannot be used; the message names fields, never their values. */
export class ProviderConfigError extends Error {
  override readonly name = 'ProviderConfigError';
  constructor(
    readonly provider: ProviderId,
    readonly fields: readonly string[],
    message: string,
    /** One message per field, for showing next to form fields; never contains a value. */
    readonly issues: readonly { readonly field: string; readonly message: string }[] = [],
  ) {
    super(message);
  }
}

// Bounds every stored or submitted value, whatever the provider's own schema allows.
const MAX_VALUE_LENGTH = 4096;

function schemaKeys(schema: z.ZodType): string[] {
  return schema instanceof ZodObject ? Object.keys(schema.shape as Record<string, unknown>) : [];
}

/** Validates one part with the provider's schema; a key the schema does not declare is refused, not dropped. */
export function validatePart(provider: ProviderId, part: 'settings' | 'credentials', value: unknown): Record<string, unknown> {
  const definition = providerDefinition(provider);
  const schema = (part === 'settings' ? definition.settingsSchema : definition.credentialsSchema) as z.ZodType<Record<string, unknown>>;
  // Form fields, and the schema's own keys that no form shows (a larger plan's rate limit, for instance).
  const declared = new Set([...definition.form[part].map((field) => field.key), ...schemaKeys(schema)]);
  const problems: { field: string; message: string }[] = [];
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, raw] of Object.entries(value)) {
      if (!declared.has(key)) problems.push({ field: `${part}.${key}`, message: 'is not a field of this provider' });
      else if (typeof raw === 'string' && raw.length > MAX_VALUE_LENGTH) problems.push({ field: `${part}.${key}`, message: 'is too long' });
    }
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    // Messages are ours or zod's generic ones ("expected string"); neither repeats the input.
    for (const issue of result.error.issues) problems.push({ field: [part, ...issue.path.map(String)].join('.'), message: issue.message });
  }
  if (problems.length > 0 || !result.success) {
    const text = problems.map((p) => `${p.field} ${p.message}`).join('; ');
    throw new ProviderConfigError(provider, problems.map((p) => p.field), `Invalid ${provider} ${part}: ${text}`, problems);
  }
  return result.data;
}

/** The provider's base URL checked against the policy and its own API path; ProviderConfigError on `baseUrl`. */
export function validateBaseUrl(provider: ProviderId, baseUrl: string, policy: BaseUrlPolicy = DEVELOPMENT_POLICY): string {
  try {
    return checkBaseUrl(baseUrl, providerDefinition(provider).apiPath, policy);
  } catch (error) {
    if (!(error instanceof BaseUrlError)) throw error;
    throw new ProviderConfigError(provider, ['baseUrl'], `Invalid ${provider} baseUrl: ${error.message}`, [
      { field: 'baseUrl', message: error.message },
    ]);
  }
}

export interface ConnectionInput {
  readonly provider: ProviderId;
  readonly baseUrl: string;
  readonly settings: unknown;
  readonly credentials: unknown;
  readonly http?: Partial<HttpOptions>;
  readonly policy?: BaseUrlPolicy;
  readonly tokenStore?: TokenStore;
}

/** Validates settings, credentials and base URL with the provider's declaration, then builds its client. */
export function createProviderClient(conn: ConnectionInput): ProviderClient {
  const definition = providerDefinition(conn.provider);
  return definition.createClient({
    baseUrl: validateBaseUrl(conn.provider, conn.baseUrl, conn.policy),
    settings: validatePart(conn.provider, 'settings', conn.settings),
    credentials: validatePart(conn.provider, 'credentials', conn.credentials),
    timestampZone: definition.timestampZone,
    http: conn.http,
    tokenStore: conn.tokenStore,
  });
}

/** The account's request budget as its provider declares it; ProviderConfigError when settings are invalid. */
export function rateBudgetFor(conn: Pick<ConnectionInput, 'provider' | 'baseUrl' | 'settings' | 'policy'>): RateBudget {
  const definition = providerDefinition(conn.provider);
  const settings = validatePart(conn.provider, 'settings', conn.settings);
  return definition.rateBudget(settings, validateBaseUrl(conn.provider, conn.baseUrl, conn.policy));
}

/** The real provider host for unvalidated settings; null when it must be configured or settings are invalid. */
export function defaultBaseUrlFor(provider: ProviderId, settings: unknown): string | null {
  const definition = providerDefinition(provider);
  const parsed = definition.settingsSchema.safeParse(settings);
  return parsed.success ? definition.defaultBaseUrl(parsed.data) : null;
}
