import { describe, expect, it } from 'vitest';
import { connectionConfigSchema } from '@/lib/db/connection-schemas';

describe('connectionConfigSchema', () => {
  it.each([
    ['genpayment', { shop: 'acme-us' }, { accessToken: 'gpat_x' }],
    ['shopline', { handle: 'acme' }, { accessToken: 'eyJ.x.y' }],
    ['neox', { subMerchantId: 'ACME00000000001' }, { clientId: 'nxc_1', clientSecret: 'nxs_1' }],
    ['neox', { subMerchantId: 'ACME00000000001', timeZone: 'UTC' }, { clientId: 'nxc_1', clientSecret: 'nxs_1' }],
  ])('accepts %s settings and credentials', (provider, settings, credentials) => {
    expect(connectionConfigSchema.safeParse({ provider, settings, credentials }).success).toBe(true);
  });

  it.each([
    ['a 16-character NeoX subMerchantId', 'neox', { subMerchantId: 'ACME000000000001' }, { clientId: 'c', clientSecret: 's' }],
    ['NeoX without clientSecret', 'neox', { subMerchantId: 'ACME1' }, { clientId: 'c' }],
    ['GenPayment without shop', 'genpayment', {}, { accessToken: 'gpat_x' }],
    ['SHOPLINE with an empty token', 'shopline', { handle: 'acme' }, { accessToken: '  ' }],
    ['an extra credentials key', 'shopline', { handle: 'acme' }, { accessToken: 't', refreshToken: 'r' }],
    ['an unknown provider', 'stripe', { shop: 'x' }, { accessToken: 't' }],
  ])('rejects %s', (_name, provider, settings, credentials) => {
    expect(connectionConfigSchema.safeParse({ provider, settings, credentials }).success).toBe(false);
  });

  it('trims pasted whitespace around identifiers and secrets', () => {
    const parsed = connectionConfigSchema.parse({
      provider: 'genpayment',
      settings: { shop: ' acme ' },
      credentials: { accessToken: ' gpat_x\n' },
    });
    expect(parsed).toEqual({ provider: 'genpayment', settings: { shop: 'acme' }, credentials: { accessToken: 'gpat_x' } });
  });
});
