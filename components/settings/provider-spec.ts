import type { FormField, ProviderCapabilities, ProviderId } from '@/lib/providers/types';

/** What a connection form needs to know about a provider; built on the server from its declaration. */
export interface ProviderFormSpec {
  readonly id: ProviderId;
  readonly displayName: string;
  readonly capabilities: ProviderCapabilities;
  readonly settings: readonly FormField[];
  readonly credentials: readonly FormField[];
  readonly baseUrlHelp: string;
  /** The default base URL with `{key}` where a setting goes; null when it must be given. */
  readonly baseUrlTemplate: string | null;
}

export function fillTemplate(template: string | null, settings: Record<string, string>): string {
  if (!template) return '';
  return template.replace(/\{(\w+)\}/g, (_, key: string) => (settings[key] ?? '').trim().toLowerCase() || `{${key}}`);
}
