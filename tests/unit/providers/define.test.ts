import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PROVIDER_NAMES } from '@/lib/domain/provider-ids';
import { defineProvider } from '@/lib/providers/define';
import { providers } from '@/lib/providers/registry';

const declaration = {
  schemas: { settings: z.object({ a: z.string() }), credentials: z.object({ b: z.string() }) },
  form: { settings: [], credentials: [], baseUrlHelp: 'h', forbiddenHint: 'f' },
  apiPath: '/v1/',
  defaultBaseUrl: () => null,
  rateBudget: () => ({ accountKey: 'k', burst: 1, perSecond: 1 }),
  createClient: () => {
    throw new Error('not called');
  },
};

describe('defineProvider', () => {
  it('fills the parts every declaration shares: name from PROVIDER_NAMES, schemas, and the "none" defaults', () => {
    const definition = defineProvider('neox', declaration);
    expect(definition.id).toBe('neox');
    expect(definition.displayName).toBe(PROVIDER_NAMES.neox);
    expect(definition.capabilities).toEqual({ balances: true, transactions: false, payouts: false });
    expect(definition.settingsSchema).toBe(declaration.schemas.settings);
    expect(definition.credentialsSchema).toBe(declaration.schemas.credentials);
    expect(definition.idFormats).toEqual({ payoutId: null, transactionId: null });
    expect(definition.pageLimits).toEqual({ transactions: null, payouts: null });
    expect(definition.timestampZone).toBeNull();
    expect(definition).not.toHaveProperty('schemas');
  });

  it('keeps what a declaration states over the defaults', () => {
    const definition = defineProvider('neox', { ...declaration, timestampZone: 'Asia/Tokyo', pageLimits: { transactions: 5, payouts: null } });
    expect(definition.timestampZone).toBe('Asia/Tokyo');
    expect(definition.pageLimits).toEqual({ transactions: 5, payouts: null });
    // A list is offered exactly where its page limit is declared: the two cannot disagree.
    expect(definition.capabilities).toEqual({ balances: true, transactions: true, payouts: false });
  });

  it('gives each registered provider its declared facts', () => {
    expect(providers.shopline.pageLimits.transactions).toBeGreaterThan(0);
    expect(providers.shopline.idFormats.payoutId?.test('4200000001')).toBe(true);
    expect(providers.shopline.timestampZone).toBeNull();
    expect(providers.shopline.capabilities).toEqual({ balances: true, transactions: true, payouts: true });
    expect(providers.genpayment.capabilities).toEqual({ balances: true, transactions: false, payouts: false });
    expect(providers.neox.capabilities).toEqual({ balances: true, transactions: false, payouts: false });
    expect(providers.neox.timestampZone).toBe('Asia/Hong_Kong');
    for (const definition of Object.values(providers)) expect(definition.displayName).toBe(PROVIDER_NAMES[definition.id]);
  });
});
