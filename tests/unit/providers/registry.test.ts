import { describe, expect, it } from 'vitest';
import {
  ProviderConfigError,
  createProviderClient,
  defaultBaseUrlFor,
  getProviderDefinition,
  providers,
} from '@/lib/providers/registry';
import { PROVIDER_IDS } from '@/lib/providers/types';
import { SAMPLE_CONNECTIONS } from '@/tests/support/provider-samples';
import { thrown } from './support';

const valid = SAMPLE_CONNECTIONS;

describe('provider registry', () => {
  it.each(PROVIDER_IDS.map((id) => [id]))('registers %s under its own id', (id) => {
    expect(providers[id].id).toBe(id);
    expect(getProviderDefinition(id)).toBe(providers[id]);
    expect(createProviderClient({ provider: id, ...valid[id] }).provider).toBe(id);
  });

  it('exposes capabilities that match the clients', () => {
    for (const id of PROVIDER_IDS) {
      const client = createProviderClient({ provider: id, ...valid[id] });
      expect(client.transactions !== null).toBe(providers[id].capabilities.transactions);
      expect(client.payouts !== null).toBe(providers[id].capabilities.payouts);
    }
    expect(client('shopline').transactions?.maxPageSize).toBe(10_000);
    expect(client('shopline').payouts?.maxPageSize).toBe(1_000);
  });

  it.each([
    ['genpayment', { shop: 'evil.com/#' }, 'settings.shop'],
    ['genpayment', {}, 'settings.shop'],
    ['shopline', { handle: 'a.b' }, 'settings.handle'],
    ['neox', { subMerchantId: 'X'.repeat(16) }, 'settings.subMerchantId'],
    ['neox', { subMerchantId: '' }, 'settings.subMerchantId'],
  ] as const)('%s refuses settings %j naming %s', (provider, settings, field) => {
    const error = thrown(() => createProviderClient({ provider, ...valid[provider], settings }));
    expect(error).toBeInstanceOf(ProviderConfigError);
    expect((error as ProviderConfigError).fields).toContain(field);
    expect((error as Error).message).toContain(field);
  });

  it.each([
    ['genpayment', { token: 'sk_live_do_not_show' }, 'credentials.accessToken'],
    ['shopline', { accessToken: '' }, 'credentials.accessToken'],
    ['neox', { clientId: 'c1', client_secret: 'sk_live_do_not_show' }, 'credentials.clientSecret'],
    ['neox', 'sk_live_do_not_show', 'credentials'],
  ] as const)('%s refuses credentials naming %s, without echoing values', (provider, credentials, field) => {
    const error = thrown(() => createProviderClient({ provider, ...valid[provider], credentials }));
    expect(error).toBeInstanceOf(ProviderConfigError);
    expect((error as Error).message).toContain(field);
    expect((error as Error).message).not.toContain('sk_live_do_not_show');
  });

  it.each(['not a url', 'ftp://files.example', 'https://user:pw@acme.myshopline.com'])('refuses base URL %j', (baseUrl) => {
    const error = thrown(() => createProviderClient({ provider: 'shopline', ...valid.shopline, baseUrl }));
    expect(error).toBeInstanceOf(ProviderConfigError);
    expect((error as Error).message).toContain('baseUrl');
    expect((error as Error).message).not.toContain('pw@');
  });

  it('derives the real host from settings where the provider has one', () => {
    expect(defaultBaseUrlFor('genpayment', { shop: 'acme-us' })).toBe('https://acme-us.genmystore.com');
    expect(defaultBaseUrlFor('shopline', { handle: 'open001' })).toBe('https://open001.myshopline.com');
    expect(defaultBaseUrlFor('neox', { subMerchantId: 'ACME00000000001' })).toBeNull();
    expect(defaultBaseUrlFor('shopline', { handle: 'evil.com/#' })).toBeNull();
  });
});

function client(id: 'shopline') {
  return createProviderClient({ provider: id, ...valid[id] });
}
