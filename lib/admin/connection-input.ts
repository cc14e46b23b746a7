import 'server-only';
import { lookup } from 'node:dns/promises';
import { baseUrlPolicy } from '@/lib/connections/policy';
import { isPrivateAddress } from '@/lib/providers/base-url';
import {
  defaultBaseUrlFor,
  isProviderId,
  ProviderConfigError,
  providerDefinition,
  validateBaseUrl,
  validatePart,
} from '@/lib/providers/registry';
import type { ProviderId } from '@/lib/providers/types';
import { FieldError } from './errors';
import type { FieldErrors } from './schemas';

function fieldErrors(error: ProviderConfigError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) fields[issue.field] ??= sentence(issue.message);
  return fields;
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function checkedProvider(value: string): ProviderId {
  if (!isProviderId(value)) throw new FieldError({ provider: 'Choose a provider from the list.' });
  return value;
}

/** Settings or credentials checked with the provider's declaration; a FieldError names each bad field. */
export function checkedPart(provider: ProviderId, part: 'settings' | 'credentials', value: unknown): Record<string, unknown> {
  try {
    return validatePart(provider, part, value);
  } catch (error) {
    if (error instanceof ProviderConfigError) throw new FieldError(fieldErrors(error));
    throw error;
  }
}

/**
 * The base URL to store: the one given, or the provider's real host for these settings. Checked against
 * the environment's policy and, in production, against what the host name resolves to (SSRF).
 */
export async function checkedBaseUrl(provider: ProviderId, given: string, settings: Record<string, unknown>): Promise<string> {
  const raw = given.trim() || defaultBaseUrlFor(provider, settings);
  if (!raw) throw new FieldError({ baseUrl: `Enter the API address ${providerDefinition(provider).displayName} gave you.` });
  const policy = baseUrlPolicy();
  let baseUrl: string;
  try {
    baseUrl = validateBaseUrl(provider, raw, policy);
  } catch (error) {
    if (error instanceof ProviderConfigError) throw new FieldError(fieldErrors(error));
    throw error;
  }
  const { hostname, origin } = new URL(baseUrl);
  const isSandbox = policy.sandboxOrigin !== null && origin === new URL(policy.sandboxOrigin).origin;
  if (!policy.allowPrivateHosts && !isSandbox) {
    const addresses = await lookup(hostname, { all: true }).catch(() => []);
    if (addresses.some((entry) => isPrivateAddress(entry.address))) {
      throw new FieldError({ baseUrl: 'This address leads to a private or local network, which is not allowed.' });
    }
  }
  return baseUrl;
}
