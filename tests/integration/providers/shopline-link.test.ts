import { afterEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '@/lib/providers/http';
import type { ProviderClient } from '@/lib/providers/types';
import type { LinkStyle } from '@/lib/sandbox/faults';
import { account, clientFor, sandboxPerSuite } from './support';

const env = sandboxPerSuite();
const acme = account('shopline', 'acme-shopline');

/** Every transaction of the store, page by page, with the request paths the client sent. */
async function walkTransactions(client: ProviderClient, logs: LogEntry[]) {
  const api = client.transactions!;
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await api.listTransactions({ limit: 500, cursor });
    ids.push(...page.items.map((t) => t.id));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor !== null && pages < 20);
  return { ids, pages, paths: logs.map((l) => l.path) };
}

describe('SHOPLINE link header spellings against the sandbox', () => {
  afterEach(() => env.sandbox.faults.clear());

  it.each<LinkStyle>(['quoted', 'spaced'])('walks every page when the link header is %s', async (style) => {
    const plainLogs: LogEntry[] = [];
    const plain = await walkTransactions(clientFor(env.sandbox, acme, { logs: plainLogs }), plainLogs);
    expect(plain.ids).toHaveLength(acme.transactionCount);

    env.sandbox.faults.add({ provider: 'shopline', account: 'acme', kind: 'link_style', style });
    const logs: LogEntry[] = [];
    const styled = await walkTransactions(clientFor(env.sandbox, acme, { logs }), logs);
    expect(env.requests('balance_transactions.json').some((line) => line.includes(`fault=link_style:${style}`))).toBe(true);
    expect(styled.pages).toBe(plain.pages);
    expect(styled.ids).toEqual(plain.ids);
    // The cursors go back exactly as the provider issued them: no "%3D+" from a trailing space.
    expect(styled.paths).toEqual(plain.paths);
    for (const path of styled.paths) expect(path).not.toMatch(/page_info=[^&]*(?:\+|%20)(?:&|$)/);
  });

  it('pages payouts forward and back with a quoted link header', async () => {
    env.sandbox.faults.add({ provider: 'shopline', account: 'acme', kind: 'link_style', style: 'quoted' });
    const payouts = clientFor(env.sandbox, acme).payouts!;
    const first = await payouts.listPayouts({ limit: 3 });
    expect(first.nextCursor).not.toBeNull();
    const second = await payouts.listPayouts({ limit: 3, cursor: first.nextCursor });
    expect(second.items).toHaveLength(3);
    expect(second.previousCursor).not.toBeNull();
    const back = await payouts.listPayouts({ limit: 3, cursor: second.previousCursor });
    expect(back.items.map((p) => p.id)).toEqual(first.items.map((p) => p.id));
  });
});
