import { ScrollRegion } from '@/components/ui/scroll-region';
import { TYPE_LABELS } from '@/components/ui/labels';
import { Money } from '@/components/ui/money';
import { bucketTitle } from '@/lib/flows/format';
import type { FlowsDto } from '@/lib/flows/schema';
import { SERIES_KEYS, type SeriesKey } from '@/lib/flows/series';
import { FLOW_SERIES_CONFIG } from './chart-config';

/** The accessible alternative to the charts: the same exact figures, as tables. */

const isZero = (decimal: string) => /^-?0(\.0+)?$/.test(decimal);

/** Zeros stay exact but recede, so the amounts that matter stand out. */
function Amount({ value, currency }: { value: string; currency: string }) {
  return <Money amount={value} currency={currency} className={isZero(value) ? 'faint' : undefined} />;
}

/** Series with money in the period; inflow sums are >= 0 and outflow sums <= 0 per bucket, so a zero total means zero everywhere. */
function usedSeries(data: FlowsDto): SeriesKey[] {
  return SERIES_KEYS.filter((key) => !isZero(data.totals.series[key]));
}

export function BucketTable({ data }: { data: FlowsDto }) {
  const currency = data.currency ?? '';
  const series = usedSeries(data);
  const unit = data.granularity === 'week' ? 'Week' : 'Day';
  return (
    <ScrollRegion label={`Money in and out per ${unit.toLowerCase()} (${currency})`}>
      <table className="data flows-table" aria-label={`Money in and out per ${unit.toLowerCase()} (${currency})`}>
        <thead>
          <tr>
            <th scope="col">{unit}</th>
            <th scope="col" className="right">Money in</th>
            <th scope="col" className="right">Money out</th>
            <th scope="col" className="right">Net</th>
            <th scope="col" className="right">Transactions</th>
            {series.map((key) => (
              <th scope="col" className="right" key={key}>
                {FLOW_SERIES_CONFIG[key].label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.buckets.map((bucket) => (
            <tr key={bucket.start}>
              <th scope="row">{bucketTitle(bucket)}</th>
              <td className="right"><Amount value={bucket.in} currency={currency} /></td>
              <td className="right"><Amount value={bucket.out} currency={currency} /></td>
              <td className="right"><Amount value={bucket.net} currency={currency} /></td>
              <td className="right num">{bucket.count}</td>
              {series.map((key) => (
                <td className="right" key={key}>
                  <Amount value={bucket.series[key]} currency={currency} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="right"><Money amount={data.totals.in} currency={currency} /></td>
            <td className="right"><Money amount={data.totals.out} currency={currency} /></td>
            <td className="right"><Money amount={data.totals.net} currency={currency} /></td>
            <td className="right num">{data.totals.count}</td>
            {series.map((key) => (
              <td className="right" key={key}>
                <Money amount={data.totals.series[key]} currency={currency} />
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}

export function SankeyTable({ data }: { data: FlowsDto }) {
  const currency = data.currency ?? '';
  const labels = new Map(data.sankey.nodes.map((node) => [node.key, node.label]));
  return (
    <ScrollRegion label={`Flow of the period (${currency})`}>
      <table className="data flows-table" aria-label={`Flow of the period (${currency})`}>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col" className="right">Amount</th>
          </tr>
        </thead>
        <tbody>
          {data.sankey.links.map((link) => (
            <tr key={`${link.source}-${link.target}`}>
              <th scope="row">{labels.get(link.source)}</th>
              <td>{labels.get(link.target)}</td>
              <td className="right"><Money amount={link.value} currency={currency} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}


export function TypeTable({ data }: { data: FlowsDto }) {
  const currency = data.currency ?? '';
  return (
    <ScrollRegion label={`Transactions by type (${currency})`}>
      <table className="data flows-table" aria-label={`Transactions by type (${currency})`}>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col" className="right">Transactions</th>
            <th scope="col" className="right">Amount</th>
            <th scope="col" className="right">Fee</th>
            <th scope="col" className="right">Net</th>
          </tr>
        </thead>
        <tbody>
          {data.byType.map((row) => (
            <tr key={row.type}>
              <th scope="row">
                {row.type === 'other' ? 'Other' : TYPE_LABELS[row.type]}
                {row.rawTypes.length > 0 && <span className="faint mono"> ({row.rawTypes.join(', ')})</span>}
              </th>
              <td className="right num">{row.count}</td>
              <td className="right"><Amount value={row.amount} currency={currency} /></td>
              <td className="right"><Amount value={row.fee} currency={currency} /></td>
              <td className="right"><Money amount={row.net} currency={currency} /></td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="right num">{data.typeTotals.count}</td>
            <td className="right"><Money amount={data.typeTotals.amount} currency={currency} /></td>
            <td className="right"><Money amount={data.typeTotals.fee} currency={currency} /></td>
            <td className="right"><Money amount={data.typeTotals.net} currency={currency} /></td>
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
