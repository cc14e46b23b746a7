import type { SankeyNodeKey } from '@/lib/flows/sankey';
import type { SeriesKey } from '@/lib/flows/series';

/** Every chart of the flows feature draws from this config: labels, what each series holds, colours (CSS variables). */

export interface SeriesConfig {
  readonly label: string;
  readonly description: string;
  readonly color: string;
}

export const FLOW_SERIES_CONFIG = {
  payments: { label: 'Payments', description: 'Gross payments', color: 'var(--flow-payments)' },
  transfers_in: { label: 'Transfers in', description: 'Transfers into the balance', color: 'var(--flow-transfers-in)' },
  chargebacks_won: { label: 'Chargebacks won', description: 'Disputes decided for you', color: 'var(--flow-chargebacks-won)' },
  reserves_released: { label: 'Reserves released', description: 'Reserve money returned', color: 'var(--flow-reserves-released)' },
  other_in: {
    label: 'Other in',
    description: 'Failed refunds, fee reversals, positive adjustments, unknown types',
    color: 'var(--flow-other-in)',
  },
  refunds: { label: 'Refunds', description: 'Refunds to customers', color: 'var(--flow-refunds)' },
  chargebacks: { label: 'Chargebacks', description: 'Disputed payments taken back', color: 'var(--flow-chargebacks)' },
  fees: { label: 'Fees', description: 'Processing and chargeback fees', color: 'var(--flow-fees)' },
  reserves_held: { label: 'Reserves held', description: 'Money set aside as a reserve', color: 'var(--flow-reserves-held)' },
  payouts: { label: 'Payouts', description: 'Paid out to the bank', color: 'var(--flow-payouts)' },
  other_out: { label: 'Other out', description: 'Negative adjustments, unknown types', color: 'var(--flow-other-out)' },
} as const satisfies Record<SeriesKey, SeriesConfig>;

export const NET_CONFIG: SeriesConfig = { label: 'Net', description: 'Money in minus money out', color: 'var(--chart-net)' };

const OWN_NODE_COLORS: Readonly<Record<Exclude<SankeyNodeKey, SeriesKey>, string>> = {
  earlier_balance: 'var(--flow-balance)',
  gross_in: 'var(--flow-hub)',
  net: 'var(--flow-hub)',
  paid_out: FLOW_SERIES_CONFIG.payouts.color,
  kept: 'var(--flow-balance)',
};

export function sankeyNodeColor(key: SankeyNodeKey): string {
  return key in FLOW_SERIES_CONFIG ? FLOW_SERIES_CONFIG[key as SeriesKey].color : OWN_NODE_COLORS[key as keyof typeof OWN_NODE_COLORS];
}
