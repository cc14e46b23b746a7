import { DataTable, type TableColumn } from '@/components/ui/data-table';
import { TYPE_LABELS } from '@/components/ui/labels';
import { Money } from '@/components/ui/money';
import { bucketTitle } from '@/lib/flows/format';
import type { FlowsDto, FlowSumsDto } from '@/lib/flows/schema';
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

/** A money column: zeros recede in the body, totals are always plain. */
function moneyColumn<Row>(id: string, header: string, currency: string, pick: (row: Row) => string): TableColumn<Row> {
  return {
    id,
    header,
    align: 'right',
    cell: (row, place) =>
      place === 'foot' ? <Money amount={pick(row)} currency={currency} /> : <Amount value={pick(row)} currency={currency} />,
  };
}

const countColumn = <Row extends { count: number }>(header: string): TableColumn<Row> => ({
  id: 'count',
  header,
  align: 'right',
  className: 'num',
  cell: (row) => row.count,
});

type BucketRow = FlowSumsDto & { readonly key: string; readonly title: string };

export function BucketTable({ data }: { data: FlowsDto }) {
  const currency = data.currency ?? '';
  const unit = data.granularity === 'week' ? 'Week' : 'Day';
  const money = (id: string, header: string, pick: (row: BucketRow) => string) => moneyColumn(id, header, currency, pick);
  const columns: TableColumn<BucketRow>[] = [
    { id: 'title', header: unit, rowHeader: true, cell: (row) => row.title },
    money('in', 'Money in', (row) => row.in),
    money('out', 'Money out', (row) => row.out),
    money('net', 'Net', (row) => row.net),
    countColumn('Transactions'),
    ...usedSeries(data).map((key) => money(key, FLOW_SERIES_CONFIG[key].label, (row) => row.series[key])),
  ];
  return (
    <DataTable
      name={`Money in and out per ${unit.toLowerCase()} (${currency})`}
      className="flows-table"
      columns={columns}
      rows={data.buckets.map((bucket) => ({ ...bucket, key: bucket.start, title: bucketTitle(bucket) }))}
      rowKey={(row) => row.key}
      footer={{ ...data.totals, key: 'total', title: 'Total' }}
    />
  );
}

type FlowLink = FlowsDto['sankey']['links'][number];

export function SankeyTable({ data }: { data: FlowsDto }) {
  const currency = data.currency ?? '';
  const labels = new Map(data.sankey.nodes.map((node) => [node.key, node.label]));
  const columns: TableColumn<FlowLink>[] = [
    { id: 'from', header: 'From', rowHeader: true, cell: (link) => labels.get(link.source) },
    { id: 'to', header: 'To', cell: (link) => labels.get(link.target) },
    { id: 'amount', header: 'Amount', align: 'right', cell: (link) => <Money amount={link.value} currency={currency} /> },
  ];
  return (
    <DataTable
      name={`Flow of the period (${currency})`}
      className="flows-table"
      columns={columns}
      rows={data.sankey.links}
      rowKey={(link) => `${link.source}-${link.target}`}
    />
  );
}

type TypeRow = FlowsDto['typeTotals'] & { readonly key: string; readonly title: React.ReactNode };

export function TypeTable({ data }: { data: FlowsDto }) {
  const currency = data.currency ?? '';
  const money = (id: string, header: string, pick: (row: TypeRow) => string) => moneyColumn(id, header, currency, pick);
  const columns: TableColumn<TypeRow>[] = [
    { id: 'type', header: 'Type', rowHeader: true, cell: (row) => row.title },
    countColumn('Transactions'),
    money('amount', 'Amount', (row) => row.amount),
    money('fee', 'Fee', (row) => row.fee),
    { id: 'net', header: 'Net', align: 'right', cell: (row) => <Money amount={row.net} currency={currency} /> },
  ];
  const rows = data.byType.map((row) => ({
    ...row,
    key: row.type,
    title: (
      <>
        {row.type === 'other' ? 'Other' : TYPE_LABELS[row.type]}
        {row.rawTypes.length > 0 && <span className="faint mono"> ({row.rawTypes.join(', ')})</span>}
      </>
    ),
  }));
  return (
    <DataTable
      name={`Transactions by type (${currency})`}
      className="flows-table"
      columns={columns}
      rows={rows}
      rowKey={(row) => row.key}
      footer={{ ...data.typeTotals, key: 'total', title: 'Total' }}
    />
  );
}
