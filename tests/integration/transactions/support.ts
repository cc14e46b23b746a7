import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { LoadedConnection } from '@/lib/connections/client';
import { SANDBOX_ACCOUNTS, sandboxBaseUrl, type Sandbox } from '@/lib/sandbox';
import { sandboxConnectionConfig } from '@/lib/sandbox/accounts';
import { sandboxPerSuite as sharedSandboxPerSuite } from '../providers/support';
import { createCursorCodec } from '@/lib/paging/cursor';
import { SCAN_PAGE_SIZE, type ListOptions } from '@/lib/paging/page';
import type { TransactionsQuery } from '@/lib/list-query/transactions-url';
import { listTransactions } from '@/lib/transactions/service';

// Failures must surface at once rather than after retries, and provider warnings must not flood the output.
process.env.PROVIDER_MAX_RETRIES = '0';
process.env.FUNDSIGHT_LOG = 'silent';

export const ORG_ID = randomUUID();
export const codec = createCursorCodec('integration-test-secret-0123456789abcdef');
/** A fixed newest transaction time, so date filters name real days of the sandbox's history. */
export const ANCHOR = new Date('2024-03-31T12:00:00Z');

/** A sandbox per test file whose newest transaction is at ANCHOR. */
export const sandboxPerSuite = () => sharedSandboxPerSuite({ anchor: ANCHOR });

/** A connection as loadConnection would return it, pointed at the sandbox. */
export function connectionTo(sandbox: Sandbox, key: string, organizationId = ORG_ID): LoadedConnection {
  const account = SANDBOX_ACCOUNTS.find((a) => a.key === key);
  if (!account) throw new Error(`no sandbox account ${key}`);
  return {
    id: randomUUID(),
    organizationId,
    provider: account.provider,
    label: account.label,
    baseUrl: sandboxBaseUrl(sandbox.url, account),
    ...sandboxConnectionConfig(account),
  };
}

/** Every row of the filtered list through its own paging (pages of SCAN_PAGE_SIZE), and the provider pages it read. */
export async function listedAll(
  connection: LoadedConnection,
  query: Partial<TransactionsQuery>,
  options: Omit<ListOptions, 'codec' | 'budget'> & { readonly maxProviderPages?: number },
): Promise<{ ids: string[]; pages: number }> {
  const { maxProviderPages = 60, ...rest } = options;
  const ids: string[] = [];
  let pages = 0;
  let cursor: string | undefined;
  for (let request = 0; request < 200; request += 1) {
    const page = await listTransactions(connection, { limit: SCAN_PAGE_SIZE, ...query, cursor }, { ...rest, codec, budget: { maxProviderPages, timeBudgetMs: 60_000 } });
    ids.push(...page.items.map((item) => item.id));
    pages += page.providerPages;
    cursor = page.nextCursor ?? undefined;
    if (cursor === undefined) return { ids, pages };
  }
  throw new Error('the list did not end');
}

type Listed = Awaited<ReturnType<typeof listedAll>>;

/** A date filter that started where kept days say: the rows from the top, exactly, in the range's pages + 1, `fewer` pages under the walk from the top at least. */
export function expectJumped(live: Listed, jumped: Listed, fewer: number): void {
  expect(jumped.ids).toEqual(live.ids);
  expect(jumped.ids.length).toBeGreaterThan(1000);
  expect(jumped.pages).toBeLessThanOrEqual(Math.ceil(jumped.ids.length / SCAN_PAGE_SIZE) + 1);
  expect(live.pages).toBeGreaterThan(jumped.pages + fewer);
}
