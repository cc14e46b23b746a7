import { describe, expect, it } from 'vitest';
import type { KeptDay, KeptDaysKey, KeptStart } from '@/lib/domain/kept-day';
import { jumpStart } from '@/lib/kept-days/jump';
import { sourceOf } from '@/lib/kept-days/source';
import type { KeptDaysStore } from '@/lib/kept-days/store';

const CONNECTION = { id: 'conn_1', provider: 'shopline', baseUrl: 'https://a.myshopline.com', settings: { handle: 'a' } };

/** A store that knows one start row and records what it was asked. */
function storeKnowing(start: KeptStart | null) {
  const asked: [Pick<KeptDaysKey, 'connectionId' | 'source'>, number][] = [];
  const store: KeptDaysStore = {
    read: async (): Promise<KeptDay[]> => [],
    write: async () => undefined,
    startAfter: async (key, instantMs) => {
      asked.push([key, instantMs]);
      return start;
    },
  };
  return { store, asked };
}

describe('jumpStart', () => {
  it('asks for the row after the range’s end, for this connection’s account', async () => {
    const row = { id: '2024', at: new Date(86_400_000) };
    const { store, asked } = storeKnowing(row);
    await expect(jumpStart(store, CONNECTION, { fromMs: 1, toMs: 86_400_000 })).resolves.toEqual(row);
    expect(asked).toEqual([[{ connectionId: 'conn_1', source: sourceOf(CONNECTION) }, 86_400_000]]);
  });

  it('starts at the top without an end, without a store, or when no kept day lies after the end', async () => {
    const { store, asked } = storeKnowing(null);
    await expect(jumpStart(store, CONNECTION, { fromMs: 1 })).resolves.toBeUndefined();
    expect(asked).toEqual([]);
    await expect(jumpStart(undefined, CONNECTION, { toMs: 5 })).resolves.toBeUndefined();
    await expect(jumpStart(store, CONNECTION, { toMs: 5 })).resolves.toBeUndefined();
  });
});

describe('sourceOf', () => {
  it('tells accounts apart by provider, base URL and settings, and nothing else', () => {
    const same = sourceOf({ ...CONNECTION, id: 'conn_2' });
    expect(same).toBe(sourceOf(CONNECTION));
    expect(sourceOf({ ...CONNECTION, baseUrl: 'https://b.myshopline.com' })).not.toBe(same);
    expect(sourceOf({ ...CONNECTION, settings: { handle: 'b' } })).not.toBe(same);
    expect(sourceOf({ ...CONNECTION, provider: 'genpayment' })).not.toBe(same);
  });
});
