import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS, sandboxBaseUrl, startSandbox, type Sandbox, type SandboxAccount } from '@/lib/sandbox';

type Tx = Partial<Record<string, string>>;
type ShoplineAccount = Extract<SandboxAccount, { provider: 'shopline' }>;

const account = (handle: string): ShoplineAccount => {
  const found = SANDBOX_ACCOUNTS.find((a): a is ShoplineAccount => a.provider === 'shopline' && a.handle === handle);
  if (!found) throw new Error(handle);
  return found;
};
const API = '/admin/openapi/v20250601/payments/store/';
const cents = (value: string | undefined): bigint => BigInt((value ?? 'x').replace('.', ''));

function links(header: string | null): { next?: string; previous?: string } {
  const out: { next?: string; previous?: string } = {};
  for (const part of (header ?? '').split(/,\s*(?=<)/)) {
    const match = /<([^>]+)>;\s*rel="(next|previous)"/.exec(part.trim());
    if (match?.[1] && (match[2] === 'next' || match[2] === 'previous')) out[match[2]] = match[1];
  }
  return out;
}

let sandbox: Sandbox;

async function get(handle: string, pathOrUrl: string) {
  const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${sandboxBaseUrl(sandbox.url, account(handle))}${API}${pathOrUrl}`;
  const res = await fetch(url, {
    headers: { Authorization: `Bearer ${account(handle).accessToken}`, 'Content-Type': 'application/json; charset=utf-8' },
  });
  const body = (await res.json()) as { transactions?: Tx[]; payouts?: Tx[]; balance?: Tx[]; errors?: unknown };
  return { res, body, links: links(res.headers.get('link')) };
}

/** Follows `rel` links from a first request, returning every page. */
async function walk(handle: string, first: string, rel: 'next' | 'previous' = 'next') {
  const pages = [];
  let page = await get(handle, first);
  pages.push(page);
  while (page.links[rel]) {
    page = await get(handle, page.links[rel] ?? '');
    pages.push(page);
  }
  return pages;
}

beforeAll(async () => {
  sandbox = await startSandbox({ anchor: new Date('2025-06-01T10:00:00Z'), rateLimits: false });
});
afterAll(async () => {
  await sandbox.close();
});

describe('SHOPLINE balance_transactions.json', () => {
  it('rejects a missing or wrong token with 401 {errors} and a traceId', async () => {
    const url = `${sandboxBaseUrl(sandbox.url, account('acme'))}${API}balance_transactions.json`;
    const attempts: Record<string, string>[] = [{}, { Authorization: `Bearer ${account('globex').accessToken}` }];
    for (const headers of attempts) {
      const res = await fetch(url, { headers });
      expect(res.status).toBe(401);
      expect(typeof ((await res.json()) as { errors: unknown }).errors).toBe('string');
      expect(res.headers.get('traceId')).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('pages newest first over full URLs, with no gap or overlap, and back via previous', async () => {
    const forward = await walk('acme', 'balance_transactions.json?limit=500');
    expect(forward).toHaveLength(5);
    const ids = forward.flatMap((p) => p.body.transactions?.map((t) => t.id) ?? []);
    expect(ids).toHaveLength(account('acme').transactionCount);
    ids.forEach((id, n) => n > 0 && expect(BigInt(id ?? '')).toBeLessThan(BigInt(ids[n - 1] ?? '0')));
    const times = forward.flatMap((p) => p.body.transactions?.map((t) => Date.parse(t.transaction_time ?? '')) ?? []);
    times.forEach((t, n) => n > 0 && expect(t).toBeLessThan(times[n - 1] ?? 0));

    expect(forward[0]?.links.previous).toBeUndefined();
    expect(forward[0]?.links.next).toMatch(
      new RegExp(`^${sandbox.url}/shopline/acme${API.replace(/\./g, '\\.')}balance_transactions\\.json\\?limit=500&page_info=`),
    );
    expect(forward[2]?.links.previous).toBeDefined();
    const lastPage = forward.at(-1);
    expect(lastPage?.links.next).toBeUndefined();
    expect(lastPage?.res.headers.get('link')).toMatch(/^<[^>]+>; rel="previous"$/);

    const backward = [lastPage];
    let page = lastPage;
    while (page?.links.previous) {
      page = await get('acme', page.links.previous);
      backward.push(page);
    }
    expect(backward.map((p) => p?.body.transactions).reverse()).toEqual(forward.map((p) => p.body.transactions));
    expect(backward.at(-1)?.links.previous).toBeUndefined();
  });

  it('starts after since_id and carries filters in the cursor, ignoring query filters on later pages', async () => {
    const { body: top } = await get('acme', 'balance_transactions.json?limit=20');
    const since = top.transactions?.[9]?.id ?? '';
    const { body } = await get('acme', `balance_transactions.json?limit=5&since_id=${since}`);
    expect(body.transactions?.map((t) => t.id)).toEqual(top.transactions?.slice(10, 15).map((t) => t.id));

    const pages = await walk('acme', 'balance_transactions.json?limit=100&payout_status=completed');
    expect(pages.length).toBeGreaterThan(3);
    const rows = pages.flatMap((p) => p.body.transactions ?? []);
    expect(rows.every((t) => t.payout_status === 'completed')).toBe(true);
    const next = new URL(pages[0]?.links.next ?? '');
    expect(next.searchParams.get('payout_status')).toBeNull();
    const cursor = JSON.parse(Buffer.from(next.searchParams.get('page_info') ?? '', 'base64').toString()) as Record<string, string>;
    expect(cursor).toMatchObject({ payoutStatus: 'completed', pageType: 'NEXT' });

    const overridden = await get('acme', `${pages[0]?.links.next}&payout_status=failed&since_id=1`);
    expect(overridden.body.transactions).toEqual(pages[1]?.body.transactions);
  });

  it('payout_id returns exactly the payout\'s transactions; their net is the payout amount', async () => {
    const { body } = await get('acme', 'payouts.json?status=completed&limit=5');
    const payout = body.payouts?.[2];
    expect(payout?.status).toBe('completed');
    const { body: listed } = await get('acme', `balance_transactions.json?payout_id=${payout?.id}`);
    const rows = listed.transactions ?? [];
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((t) => t.payout_id === payout?.id && t.payout_status === 'completed')).toBe(true);
    const members = rows.filter((t) => t.type !== 'payout');
    expect(members.reduce((sum, t) => sum + cents(t.net), 0n)).toBe(cents(payout?.amount));
    expect(rows.filter((t) => t.type === 'payout').map((t) => t.net)).toEqual([`-${payout?.amount}`]);
    const all = (await walk('acme', 'balance_transactions.json?limit=10000')).flatMap((p) => p.body.transactions ?? []);
    expect(all.filter((t) => t.payout_id === payout?.id)).toEqual(rows);
  });

  it.each([
    ['limit=10001', 400],
    ['limit=abc', 400],
    ['limit=0', 400],
    ['payout_status=pending', 400],
    ['payout_status=in%20progress', 200],
    ['page_info=bm9wZQ%3D%3D', 400],
    ['since_id=12ab', 400],
  ])('validates %s -> %i', async (query, status) => {
    const { res, body } = await get('acme', `balance_transactions.json?${query}`);
    expect(res.status).toBe(status);
    if (status === 400) expect(typeof body.errors).toBe('string');
  });

  it('CN-entity store: empty payout_status everywhere, payout_id refused with 400', async () => {
    const { body } = await get('cnstore', 'balance_transactions.json');
    expect(body.transactions).toHaveLength(500);
    expect(body.transactions?.every((t) => t.payout_status === '')).toBe(true);
    const payoutId = body.transactions?.find((t) => t.payout_id !== '')?.payout_id;
    const refused = await get('cnstore', `balance_transactions.json?payout_id=${payoutId}`);
    expect(refused.res.status).toBe(400);
    expect(refused.body.errors).toMatch(/CN/);
    const byStatus = await get('cnstore', 'balance_transactions.json?payout_status=completed');
    expect([byStatus.res.status, byStatus.body.transactions, byStatus.res.headers.get('link')]).toEqual([200, [], null]);
  });

  it('bench: serves 10,000-row pages out of 1,000,000, deep in the history', async () => {
    const first = await get('bench', 'balance_transactions.json?limit=10000');
    const lastId = first.body.transactions?.at(-1)?.id ?? '';
    const deepSince = (BigInt(lastId) - 500_000n).toString();
    const deep = await get('bench', `balance_transactions.json?limit=10000&since_id=${deepSince}`);
    const rows = deep.body.transactions ?? [];
    expect(rows).toHaveLength(10_000);
    expect(rows[0]?.id).toBe((BigInt(deepSince) - 1n).toString());
    rows.forEach((t, n) => n > 0 && expect(BigInt(t.id ?? '')).toBe(BigInt(rows[n - 1]?.id ?? '') - 1n));
    const next = await get('bench', deep.links.next ?? '');
    expect(next.body.transactions?.[0]?.id).toBe((BigInt(rows.at(-1)?.id ?? '') - 1n).toString());

    const failed = await get('bench', 'balance_transactions.json?limit=10000&payout_status=failed');
    expect(failed.body.transactions?.length).toBe(10_000);
    expect(failed.body.transactions?.every((t) => t.payout_status === 'failed')).toBe(true);

    const oldest = await get('bench', `balance_transactions.json?since_id=${(BigInt(lastId) - 989_991n).toString()}`);
    expect(oldest.body.transactions).toHaveLength(9);
    expect(oldest.links.next).toBeUndefined();
  });
});

describe('SHOPLINE balance_transactions.json fields', () => {
  const FLOW = 'id,type,amount,fee,currency,transaction_time';

  it('answers only the columns asked for, on the first page and on every cursor page after it', async () => {
    const pages = await walk('acme', `balance_transactions.json?limit=40&fields=${FLOW}`);
    const fullPages = await walk('acme', 'balance_transactions.json?limit=40');
    expect(pages.length).toBe(fullPages.length);
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, p) => {
      const rows = page.body.transactions ?? [];
      const fullRows = fullPages[p]?.body.transactions ?? [];
      expect(rows.map((row) => Object.keys(row))).toEqual(rows.map(() => ['amount', 'currency', 'fee', 'id', 'transaction_time', 'type']));
      expect(rows).toEqual(
        fullRows.map((row) => ({ amount: row.amount, currency: row.currency, fee: row.fee, id: row.id, transaction_time: row.transaction_time, type: row.type })),
      );
    });
  });

  it('keeps the first page’s fields in the cursor, and lets a cursor page name its own', async () => {
    const first = await get('acme', 'balance_transactions.json?limit=5&fields=id');
    const kept = await get('acme', first.links.next ?? '');
    expect(kept.body.transactions?.map((row) => Object.keys(row))).toEqual(Array.from({ length: 5 }, () => ['id']));
    const own = await get('acme', `${first.links.next ?? ''}&fields=id,net`);
    expect(own.body.transactions?.map((row) => Object.keys(row))).toEqual(Array.from({ length: 5 }, () => ['id', 'net']));
  });

  it('refuses an unknown field with 400', async () => {
    const { res, body } = await get('acme', 'balance_transactions.json?fields=id,amount_usd');
    expect(res.status).toBe(400);
    expect(body.errors).toMatch(/amount_usd/);
  });
});

describe('SHOPLINE payouts, payout and balance', () => {
  it('lists payouts newest first with paging, status and date_min filters', async () => {
    const pages = await walk('globex', 'payouts.json?limit=25');
    const payouts = pages.flatMap((p) => p.body.payouts ?? []);
    expect(pages.length).toBeGreaterThan(3);
    payouts.forEach((p, n) => n > 0 && expect(BigInt(p.id ?? '')).toBeLessThan(BigInt(payouts[n - 1]?.id ?? '')));
    expect(payouts.every((p) => cents(p.amount) > 0n && /^[A-Z]{3}$/.test(p.currency ?? ''))).toBe(true);
    expect(payouts[0]?.status).toBe('in progress');

    const failed = await walk('globex', 'payouts.json?status=failed&limit=1');
    expect(failed.flatMap((p) => p.body.payouts ?? [])).toEqual(payouts.filter((p) => p.status === 'failed'));

    const { body } = await get('globex', 'payouts.json?date_min=2025-05-20');
    const recent = payouts.filter((p) => Date.parse(p.date ?? '') >= Date.parse('2025-05-20T00:00:00+08:00'));
    expect(body.payouts).toEqual(recent);
    expect((await get('globex', 'payouts.json?date_min=yesterday')).res.status).toBe(400);
  });

  it('gets one payout or 404', async () => {
    const { body } = await get('globex', 'payouts.json?limit=3');
    const wanted = body.payouts?.[2];
    const one = await get('globex', `payout.json?payout_id=${wanted?.id}`);
    expect(one.body.payouts).toEqual([wanted]);
    const missing = await get('globex', 'payout.json?payout_id=1');
    expect(missing.res.status).toBe(404);
    expect(missing.body).toEqual({ errors: 'Not Found' });
  });

  it('balance.json is the net of what has not been paid out, per currency', async () => {
    const { body } = await get('globex', 'balance.json');
    const { body: recent } = await get('globex', 'balance_transactions.json?limit=200');
    const unpaid = (recent.transactions ?? []).filter((t) => t.payout_id === '');
    for (const row of body.balance ?? []) {
      const sum = unpaid.filter((t) => t.currency === row.currency).reduce((acc, t) => acc + cents(t.net), 0n);
      expect(cents(row.amount)).toBe(sum);
    }
    expect(body.balance?.map((b) => b.currency)).toEqual(['EUR', 'GBP']);
  });
});
