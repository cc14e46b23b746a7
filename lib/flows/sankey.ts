import { INFLOW_SERIES, type InflowSeries, type OutflowSeries, type SeriesKey } from './series';

/**
 * The period's money as a Sankey, in exact minor units. With S_k the period sum of series k (inflows
 * >= 0, outflows <= 0, see series.ts):
 *
 *   gross in  G = S_payments + S_transfers_in + S_chargebacks_won + S_reserves_released + S_other_in
 *   deducted  D = -(S_refunds + S_chargebacks + S_fees + S_reserves_held + S_other_out)
 *   paid out  X = -S_payouts
 *   net       M = G - D                      (what the period earned before payouts)
 *   change    N = M - X = sum of every row's net in the period
 *
 *   each inflow k        -> gross_in      S_k
 *   earlier_balance      -> gross_in      max(0, -M)       deductions larger than inflows
 *   gross_in             -> each outflow  -S_k
 *   gross_in             -> net           max(0, M)
 *   earlier_balance      -> net           max(0, X - max(0, M))   payouts of money earned before the period
 *   net                  -> paid_out      X
 *   net                  -> kept          max(0, max(0, M) - X)   "still in balance"
 *
 * Every link is >= 0 (a flow cannot be drawn negative), every middle node's inflow equals its outflow,
 * and kept - earlier_balance = N. Zero links are left out.
 */

export type SankeyNodeKey =
  | InflowSeries
  | Exclude<OutflowSeries, 'payouts'>
  | 'earlier_balance'
  | 'gross_in'
  | 'net'
  | 'paid_out'
  | 'kept';

export const SANKEY_LABELS: Readonly<Record<SankeyNodeKey, string>> = {
  payments: 'Payments (gross)',
  transfers_in: 'Transfers in',
  chargebacks_won: 'Chargebacks won',
  reserves_released: 'Reserves released',
  other_in: 'Other in',
  earlier_balance: 'From earlier balance',
  gross_in: 'Gross in',
  refunds: 'Refunds',
  chargebacks: 'Chargebacks',
  fees: 'Fees',
  reserves_held: 'Reserves held',
  other_out: 'Other out',
  net: 'Net',
  paid_out: 'Paid out',
  kept: 'Still in balance',
};

const DEDUCTIONS = ['refunds', 'chargebacks', 'fees', 'reserves_held', 'other_out'] as const;

export interface SankeyLinkMinor {
  readonly source: SankeyNodeKey;
  readonly target: SankeyNodeKey;
  readonly minor: bigint;
}

export interface SankeyNodeMinor {
  readonly key: SankeyNodeKey;
  /** Throughput: the sum of its inflows, or of its outflows for a source. */
  readonly minor: bigint;
}

export interface SankeyMinor {
  readonly nodes: readonly SankeyNodeMinor[];
  readonly links: readonly SankeyLinkMinor[];
}

const max0 = (value: bigint) => (value > 0n ? value : 0n);

export function buildSankey(totals: Readonly<Record<SeriesKey, bigint>>): SankeyMinor {
  const links: SankeyLinkMinor[] = [];
  const link = (source: SankeyNodeKey, target: SankeyNodeKey, minor: bigint) => {
    if (minor < 0n) throw new RangeError(`negative Sankey flow ${source} -> ${target}`);
    if (minor > 0n) links.push({ source, target, minor });
  };
  const gross = INFLOW_SERIES.reduce((sum, key) => sum + totals[key], 0n);
  const deducted = DEDUCTIONS.reduce((sum, key) => sum - totals[key], 0n);
  const paidOut = -totals.payouts;
  const net = gross - deducted;
  const earned = max0(net);

  for (const key of INFLOW_SERIES) link(key, 'gross_in', totals[key]);
  link('earlier_balance', 'gross_in', max0(-net));
  for (const key of DEDUCTIONS) link('gross_in', key, -totals[key]);
  link('gross_in', 'net', earned);
  link('earlier_balance', 'net', max0(paidOut - earned));
  link('net', 'paid_out', paidOut);
  link('net', 'kept', max0(earned - paidOut));

  return { nodes: nodesOf(links), links };
}

/** Nodes that carry money, in a stable order, each with its throughput. */
function nodesOf(links: readonly SankeyLinkMinor[]): SankeyNodeMinor[] {
  const order = Object.keys(SANKEY_LABELS) as SankeyNodeKey[];
  return order.flatMap((key) => {
    const inflow = links.filter((l) => l.target === key).reduce((sum, l) => sum + l.minor, 0n);
    const outflow = links.filter((l) => l.source === key).reduce((sum, l) => sum + l.minor, 0n);
    const minor = inflow > outflow ? inflow : outflow;
    return minor > 0n ? [{ key, minor }] : [];
  });
}
