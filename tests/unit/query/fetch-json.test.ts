import { afterEach, describe, expect, it, vi } from 'vitest';
import { ZodError } from 'zod';
import { overviewQueryOptions } from '@/lib/balances/queries';
import { connectionsQueryOptions } from '@/lib/connections/queries';
import { ApiClientError, fetchJson } from '@/lib/query/fetch-json';

/** Answers every fetch with this status and JSON body. */
function answer(status: number, body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const overview = {
  generatedAt: '2024-05-01T04:30:45.000Z',
  currencies: [{ currency: 'GBP', settling: null, available: '1.00', frozen: null, total: '1.00', lineCount: 1 }],
  accounts: [],
};

// The query functions as the browser's queries call them.
const run = <T>(options: { queryFn?: unknown }) =>
  (options.queryFn as (context: { signal: AbortSignal }) => Promise<T>)({ signal: new AbortController().signal });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchJson with a schema loaded on first use', () => {
  it('returns the body the loaded schema accepts', async () => {
    answer(200, overview);
    await expect(run(overviewQueryOptions())).resolves.toEqual(overview);
  });

  it('rejects a malformed body, as with a schema given directly', async () => {
    answer(200, { ...overview, currencies: [{ ...overview.currencies[0], total: '1,00' }] });
    await expect(run(overviewQueryOptions())).rejects.toBeInstanceOf(ZodError);
    answer(200, { connections: 'none' });
    await expect(run(connectionsQueryOptions())).rejects.toBeInstanceOf(ZodError);
  });

  it('reports an API error before any parse, and a failed schema load as the error', async () => {
    answer(403, { error: { code: 'forbidden', message: 'Not yours.' } });
    const error = await run(overviewQueryOptions()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({ status: 403, code: 'forbidden', message: 'Not yours.' });

    answer(200, overview);
    await expect(fetchJson('/api/balances', () => Promise.reject(new Error('chunk failed')))).rejects.toThrow('chunk failed');
  });
});
