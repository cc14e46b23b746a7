import { describe, expect, it } from 'vitest';
import { buildSankey, type SankeyMinor, type SankeyNodeKey } from '@/lib/flows/sankey';
import { SERIES_KEYS, seriesDirection, type SeriesKey } from '@/lib/flows/series';

type Totals = Record<SeriesKey, bigint>;
const zeros = (): Totals => Object.fromEntries(SERIES_KEYS.map((k) => [k, 0n])) as Totals;
const totals = (values: Partial<Totals>): Totals => ({ ...zeros(), ...values });
const netOf = (t: Totals) => SERIES_KEYS.reduce((sum, k) => sum + t[k], 0n);

function flows(sankey: SankeyMinor, key: SankeyNodeKey) {
  const inflow = sankey.links.filter((l) => l.target === key).reduce((s, l) => s + l.minor, 0n);
  const outflow = sankey.links.filter((l) => l.source === key).reduce((s, l) => s + l.minor, 0n);
  return { inflow, outflow };
}

const link = (sankey: SankeyMinor, source: SankeyNodeKey, target: SankeyNodeKey) =>
  sankey.links.find((l) => l.source === source && l.target === target)?.minor ?? 0n;

/** Every property the chart promises, for any totals. */
function expectBalanced(t: Totals): SankeyMinor {
  const sankey = buildSankey(t);
  for (const l of sankey.links) expect(l.minor).toBeGreaterThan(0n);
  let sources = 0n;
  let sinks = 0n;
  for (const node of sankey.nodes) {
    const { inflow, outflow } = flows(sankey, node.key);
    if (inflow > 0n && outflow > 0n) expect(inflow).toBe(outflow);
    if (inflow === 0n) sources += outflow;
    if (outflow === 0n) sinks += inflow;
    expect(node.minor).toBe(inflow > outflow ? inflow : outflow);
  }
  expect(sources).toBe(sinks);
  // Each series is one link, of its exact size.
  for (const key of SERIES_KEYS) {
    if (key === 'payouts') expect(link(sankey, 'net', 'paid_out')).toBe(-t.payouts);
    else if (seriesDirection(key) === 'in') expect(link(sankey, key, 'gross_in')).toBe(t[key]);
    else expect(link(sankey, 'gross_in', key)).toBe(-t[key]);
  }
  const earlier = flows(sankey, 'earlier_balance').outflow;
  expect(flows(sankey, 'kept').inflow - earlier).toBe(netOf(t));
  return sankey;
}

describe('buildSankey', () => {
  it('splits gross payments into deductions and net, and the net into paid out and kept', () => {
    const sankey = expectBalanced(
      totals({ payments: 100_000n, fees: -3_200n, refunds: -5_000n, chargebacks: -1_000n, reserves_held: -2_000n, payouts: -60_000n }),
    );
    expect(link(sankey, 'gross_in', 'net')).toBe(88_800n);
    expect(link(sankey, 'net', 'kept')).toBe(28_800n);
    expect(sankey.nodes.map((n) => n.key)).not.toContain('earlier_balance');
  });

  it('draws refunds larger than the period’s payments as coming from the earlier balance', () => {
    const sankey = expectBalanced(totals({ payments: 1_000n, refunds: -4_000n, fees: -30n }));
    expect(link(sankey, 'earlier_balance', 'gross_in')).toBe(3_030n);
    expect(link(sankey, 'gross_in', 'net')).toBe(0n);
    expect(sankey.nodes.map((n) => n.key)).not.toContain('kept');
  });

  it('draws payouts of money earned before the period from the earlier balance', () => {
    const sankey = expectBalanced(totals({ payments: 10_000n, fees: -300n, payouts: -25_000n }));
    expect(link(sankey, 'earlier_balance', 'net')).toBe(15_300n);
    expect(link(sankey, 'net', 'paid_out')).toBe(25_000n);
  });

  it('shows reserves released beyond those held, and chargebacks won, as inflows of their own', () => {
    const sankey = expectBalanced(totals({ reserves_released: 9_000n, reserves_held: -2_000n, chargebacks_won: 4_000n, chargebacks: -4_000n }));
    expect(link(sankey, 'reserves_released', 'gross_in')).toBe(9_000n);
    expect(link(sankey, 'chargebacks_won', 'gross_in')).toBe(4_000n);
    expect(link(sankey, 'net', 'kept')).toBe(7_000n);
  });

  it('is empty when nothing moved', () => {
    expect(buildSankey(zeros())).toEqual({ nodes: [], links: [] });
  });

  it('stays exact beyond 2^53 minor units', () => {
    const big = 2n ** 60n + 7n;
    const sankey = expectBalanced(totals({ payments: big, fees: -1n, payouts: -(2n ** 59n) }));
    expect(link(sankey, 'net', 'kept')).toBe(big - 1n - 2n ** 59n);
  });

  it('balances for 500 random periods', () => {
    let seed = 12345;
    const random = (max: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return BigInt(seed % max);
    };
    for (let i = 0; i < 500; i += 1) {
      const t = zeros();
      for (const key of SERIES_KEYS) {
        const size = random(4) === 0n ? 0n : random(i % 7 === 0 ? 2_000_000_000 : 50_000);
        t[key] = seriesDirection(key) === 'in' ? size : -size;
      }
      expectBalanced(t);
    }
  });

  it('refuses a series with the wrong sign instead of drawing it backwards', () => {
    expect(() => buildSankey(totals({ payments: -1n }))).toThrow(RangeError);
  });
});
