import { describe, expect, it } from 'vitest';
import { ProviderConfigError, providerDefinition, validatePart } from '@/lib/providers/registry';
import { PROVIDER_IDS } from '@/lib/providers/types';
import { SAMPLE_CONNECTIONS } from '@/tests/support/provider-samples';

const VALID = SAMPLE_CONNECTIONS;

function issues(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProviderConfigError) return Object.fromEntries(error.issues.map((i) => [i.field, i.message]));
    throw error;
  }
  return {};
}

describe.each(PROVIDER_IDS)('the %s connection form', (id) => {
  const definition = providerDefinition(id);

  it('declares a label and help text for every settings and credentials field its schemas accept', () => {
    for (const part of ['settings', 'credentials'] as const) {
      const keys = definition.form[part].map((f) => f.key).sort();
      expect(keys).toEqual(Object.keys(VALID[id][part]).sort());
      for (const field of definition.form[part]) {
        expect(field.label.length).toBeGreaterThan(2);
        expect(field.help.length).toBeGreaterThan(10);
      }
    }
    expect(definition.form.baseUrlHelp).toMatch(/host only/i);
  });

  it('accepts valid values and trims pasted whitespace', () => {
    const padded = Object.fromEntries(Object.entries(VALID[id].settings).map(([k, v]) => [k, ` ${v}\n`]));
    expect(validatePart(id, 'settings', padded)).toMatchObject(VALID[id].settings);
    expect(validatePart(id, 'credentials', VALID[id].credentials)).toEqual(VALID[id].credentials);
  });

  it('names every empty field, and a field the provider does not have, without echoing values', () => {
    const empty = Object.fromEntries(definition.form.credentials.map((f) => [f.key, '']));
    const found = issues(() => validatePart(id, 'credentials', { ...empty, refreshToken: 'sk_live_secret' }));
    for (const field of definition.form.credentials) expect(found).toHaveProperty(`credentials.${field.key}`);
    expect(found['credentials.refreshToken']).toBe('is not a field of this provider');
    expect(JSON.stringify(found)).not.toContain('sk_live_secret');
  });

  it('bounds every value, whatever the provider schema allows', () => {
    const [first] = definition.form.credentials;
    const long = { ...VALID[id].credentials, [first?.key ?? '']: 'x'.repeat(5000) };
    expect(issues(() => validatePart(id, 'credentials', long))).toHaveProperty(`credentials.${first?.key}`, 'is too long');
  });

  it('declares its API path, rate budget and page limits', () => {
    expect(definition.apiPath).toMatch(/^\/.+\/$/);
    const budget = definition.rateBudget(VALID[id].settings as never, 'https://x.example');
    expect(budget.burst).toBeGreaterThan(0);
    expect(budget.perSecond).toBeGreaterThan(0);
    const client = definition.createClient({ baseUrl: 'https://x.example', settings: VALID[id].settings as never, credentials: VALID[id].credentials as never, timestampZone: definition.timestampZone });
    expect(client.transactions?.maxPageSize ?? null).toBe(definition.pageLimits.transactions);
    expect(client.payouts?.maxPageSize ?? null).toBe(definition.pageLimits.payouts);
  });
});

describe('provider-specific form rules', () => {
  it.each([
    ['genpayment', { shop: 'evil.com/#' }, 'settings.shop'],
    ['shopline', { handle: 'a.b' }, 'settings.handle'],
    ['neox', { subMerchantId: 'X'.repeat(16) }, 'settings.subMerchantId'],
  ] as const)('%s refuses %j on %s', (id, settings, field) => {
    expect(issues(() => validatePart(id, 'settings', settings))).toHaveProperty(field);
  });
});
