import { describe, expect, it } from 'vitest';
import { ShoplineStore, type WireTransaction } from '@/lib/sandbox/shopline/data';
import { storeParams } from '@/lib/sandbox/shopline/stores';

const ANCHOR = Math.floor(Date.UTC(2025, 5, 1, 10) / 1000);
const STATUSES = ['in progress', 'accepted by bank', 'completed', 'failed', 'retrying'];

function store(handle: string, seed = 42): ShoplineStore {
  const params = storeParams(handle);
  if (!params) throw new Error(`no store ${handle}`);
  return new ShoplineStore(params, seed, ANCHOR);
}

const cents = (value: string): bigint => {
  expect(value).toMatch(/^-?\d+\.\d{2}$/);
  return BigInt(value.replace('.', ''));
};

function allTransactions(s: ShoplineStore): WireTransaction[] {
  return Array.from({ length: s.layout.count }, (_, i) => s.transaction(i));
}

describe('SHOPLINE sandbox data', () => {
  it.each(['acme', 'globex', 'cnstore'])('%s: ids are 27 digits, strictly decreasing and invertible', (handle) => {
    const s = store(handle);
    const rows = allTransactions(s);
    expect(rows).toHaveLength(s.params.account.transactionCount);
    rows.forEach((row, i) => {
      expect(row.id).toMatch(/^\d{27}$/);
      if (i > 0) expect(BigInt(row.id)).toBeLessThan(BigInt(rows[i - 1]?.id ?? '0'));
      expect(s.layout.firstOlderThan(BigInt(row.id))).toBe(i + 1);
      expect(s.layout.endNewerThan(BigInt(row.id))).toBe(i);
    });
  });

  it.each(['acme', 'globex', 'cnstore'])('%s: times are strictly decreasing from the anchor, in +08:00', (handle) => {
    const s = store(handle);
    expect(s.timeOf(0)).toBe(ANCHOR);
    expect(s.transaction(0).transaction_time).toBe('2025-06-01T18:00:00+08:00');
    for (let i = 1; i < s.layout.count; i += 1) expect(s.timeOf(i)).toBeLessThan(s.timeOf(i - 1));
    for (const row of allTransactions(s)) expect(row.transaction_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
  });

  it.each(['acme', 'globex', 'cnstore'])('%s: every payout is positive and equals the net of its members', (handle) => {
    const s = store(handle);
    const rows = allTransactions(s);
    for (let k = 0; k < s.layout.payoutCount; k += 1) {
      const payout = s.payout(k);
      const members = rows.filter((row) => row.payout_id === payout.id);
      const [from, to] = s.layout.blockRangeI(k);
      expect(members.map((row) => row.id)).toEqual(rows.slice(from, to).map((row) => row.id));
      const line = members.filter((row) => row.type === 'payout');
      expect(line).toHaveLength(1);
      const paid = members.filter((row) => row.type !== 'payout').reduce((sum, row) => sum + cents(row.net), 0n);
      expect(cents(payout.amount)).toBeGreaterThan(0n);
      expect(paid).toBe(cents(payout.amount));
      expect(cents(line[0]?.net ?? '')).toBe(-paid);
      expect(new Set(members.map((row) => row.currency))).toEqual(new Set([payout.currency]));
      expect(members.every((row) => row.payout_status === payout.status)).toBe(true);
      expect(payout.date).toBe(line[0]?.transaction_time);
    }
  });

  it('has realistic signs and exact net = amount + fee', () => {
    const seen = new Set<string>();
    for (const row of allTransactions(store('acme'))) {
      seen.add(row.type);
      const amount = cents(row.amount);
      const fee = cents(row.fee);
      expect(cents(row.net)).toBe(amount + fee);
      expect(row.exchange_rate).toMatch(/^\d+\.\d{10}$/);
      if (row.type === 'payment') expect([amount > 0n, fee < 0n]).toEqual([true, true]);
      if (row.type === 'refund' || row.type === 'reserve_held' || row.type === 'payout') expect(amount < 0n).toBe(true);
      if (row.type === 'chargeback') expect([amount < 0n, fee < 0n]).toEqual([true, true]);
      if (row.type === 'reserve_released' || row.type === 'transfer_in') expect(amount > 0n).toBe(true);
    }
    expect([...seen].sort()).toEqual(
      ['accounting_adjustment', 'chargeback', 'chargeback_won', 'fee_reversed', 'payment', 'payout', 'refund',
        'refund_failure', 'reserve_held', 'reserve_released', 'transfer_in'].sort(),
    );
  });

  it('gives the demo stores every payout status, the newest ones still moving', () => {
    for (const handle of ['acme', 'globex']) {
      const s = store(handle);
      const statuses = new Set(Array.from({ length: s.layout.payoutCount }, (_, k) => s.payoutStatus(k)));
      expect([...statuses].sort()).toEqual([...STATUSES].sort());
      expect(s.payoutStatus(s.layout.payoutCount - 1)).toBe('in progress');
    }
  });

  it('leaves the newest transactions unpaid and reports them as the balance', () => {
    const s = store('globex');
    const rows = allTransactions(s);
    const unpaid = rows.filter((row) => row.payout_id === '');
    expect(unpaid.length).toBe(s.layout.unpaidCount);
    expect(rows.slice(0, s.layout.unpaidCount)).toEqual(unpaid);
    for (const currency of ['EUR', 'GBP']) {
      const sum = unpaid.filter((row) => row.currency === currency).reduce((acc, row) => acc + cents(row.net), 0n);
      expect(s.unpaidNet().get(currency)).toBe(sum);
    }
  });

  it('CN store: payout_status is always empty', () => {
    const rows = allTransactions(store('cnstore'));
    expect(rows.every((row) => row.payout_status === '')).toBe(true);
    expect(rows.some((row) => row.payout_id !== '')).toBe(true);
  });

  it('bench: any of the 1,000,000 rows is computed on demand, deterministically', () => {
    const s = store('bench');
    expect(s.layout.count).toBe(1_000_000);
    const oldest = s.transaction(999_999);
    expect(oldest.id).toMatch(/^\d{27}$/);
    expect(s.layout.firstOlderThan(BigInt(oldest.id))).toBe(1_000_000);
    expect(store('bench').transaction(123_456)).toEqual(s.transaction(123_456));
    expect(store('bench', 7).transaction(123_456).amount).not.toBe(s.transaction(123_456).amount);
    expect(store('bench', 7).transaction(123_456).id).toBe(s.transaction(123_456).id);
    const k = s.layout.blockOfJ(500_000);
    const [from, to] = s.layout.blockRangeI(k);
    const members = Array.from({ length: to - from }, (_, n) => s.transaction(from + n));
    const paid = members.filter((row) => row.type !== 'payout').reduce((sum, row) => sum + cents(row.net), 0n);
    expect(paid).toBe(cents(s.payout(k).amount));
  });
});
