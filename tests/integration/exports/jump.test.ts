import { describe, expect, it } from 'vitest';
import { readKeptDays } from '@/lib/db/kept-days';
import { keptDaysKey } from '@/lib/kept-days/source';
import { databaseKeptDays } from '@/lib/kept-days/store';
import { SCAN_PAGE_SIZE } from '@/lib/paging/page';
import { MAX_TRANSACTIONS_PAGE } from '@/lib/providers/shopline/client';
import { listTransactions } from '@/lib/transactions/service';
import { codec } from '../transactions/support';
import { balanceTransactionsRequests, exportEnvPerSuite, ORGANIZATION_ZONE, parseCsv } from './support';

const env = exportEnvPerSuite({ driver: 'postgres' });

describe('a date-filtered export job', () => {
  it('starts at the range’s end once kept days know it, with exactly the rows of a walk from the top', async () => {
    const bench = await env.connection('bench');
    const search = 'from=2024-02-20&to=2024-02-21';
    const before = balanceTransactionsRequests(env.requests);
    const live = await env.exportFile(bench, search);
    const livePages = balanceTransactionsRequests(env.requests) - before;

    // A date filter further back walks past the range and keeps its days.
    const store = databaseKeptDays(async () => env.db);
    await listTransactions(bench, { limit: SCAN_PAGE_SIZE, from: '2024-02-10', to: '2024-02-10' }, { codec, timeZone: ORGANIZATION_ZONE, keptDays: store, budget: { maxProviderPages: 60, timeBudgetMs: 60_000 } });
    expect((await readKeptDays(env.db, keptDaysKey(bench, ORGANIZATION_ZONE), '2024-02-22', '2024-02-23')).length).toBeGreaterThan(0);

    const start = balanceTransactionsRequests(env.requests);
    const jumped = await env.exportFile(bench, search);
    const jumpedPages = balanceTransactionsRequests(env.requests) - start;

    const rows = parseCsv(jumped.bytes).records;
    expect(rows.length).toBeGreaterThan(1000);
    expect(parseCsv(jumped.bytes)).toEqual(parseCsv(live.bytes));
    // From the jump the walk reads the range's own pages and at most one more on either side: the jump lands on a
    // kept day's edge, and where the provider's page boundaries fall depends on the rows above (newer rows shift
    // them), so 2 or 3 pages here. A walk from the top reads every page above the range as well (7 here).
    const rangePages = Math.ceil(rows.length / MAX_TRANSACTIONS_PAGE);
    expect(jumpedPages).toBeLessThanOrEqual(rangePages + 2);
    expect(jumpedPages).toBeLessThan(livePages / 2);
  });
});
