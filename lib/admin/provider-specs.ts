import 'server-only';
import type { ProviderFormSpec } from '@/components/settings/provider-spec';
import { providerDefinition } from '@/lib/providers/registry';
import { PROVIDER_IDS } from '@/lib/providers/types';

/** Every provider's form, from its declaration; the default base URL is shown with `{key}` for each setting. */
export function providerFormSpecs(): ProviderFormSpec[] {
  return PROVIDER_IDS.map((id) => {
    const definition = providerDefinition(id);
    const placeholders = Object.fromEntries(definition.form.settings.map((field) => [field.key, `{${field.key}}`]));
    let template: string | null = null;
    try {
      template = definition.defaultBaseUrl(placeholders);
    } catch {
      template = null;
    }
    return {
      id,
      displayName: definition.displayName,
      capabilities: definition.capabilities,
      settings: definition.form.settings,
      credentials: definition.form.credentials,
      baseUrlHelp: definition.form.baseUrlHelp,
      baseUrlTemplate: template && template.replace(/%7B(\w+)%7D/gi, '{$1}'),
    };
  });
}
