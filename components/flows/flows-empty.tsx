import { addDays, MAX_RANGE_DAYS } from '@/lib/flows/period';
import { formatDate, periodTitle } from '@/lib/flows/format';
import type { FlowsQuery } from '@/lib/flows/query-url';
import type { FlowsDto } from '@/lib/flows/schema';

/** No transactions: say so, and offer what would show some (a wider period, another currency). */
export function FlowsEmpty({ data, query, onChange }: { data: FlowsDto; query: FlowsQuery; onChange: (next: FlowsQuery) => void }) {
  const preset = 'period' in query.range ? query.range.period : null;
  const wider: { label: string; range: FlowsQuery['range'] } =
    preset === '7d' || preset === '30d'
      ? { label: 'Show the last 90 days', range: { period: '90d' } }
      : { label: `Show the year up to ${formatDate(data.to)}`, range: { from: addDays(data.to, 1 - MAX_RANGE_DAYS), to: data.to } };
  const others = data.currencies.filter((code) => code !== data.currency);
  return (
    <div className="card empty" role="status">
      <h2>
        No {data.currency ? `${data.currency} ` : ''}transactions from {periodTitle(data.from, data.to)}
      </h2>
      <p>
        {others.length > 0
          ? `This period has transactions in ${others.join(', ')}. Switch currency, or widen the period.`
          : 'Try a wider period to see money coming in and going out.'}
      </p>
      <div className="toolbar flows-empty-actions">
        <button type="button" className="btn btn-primary" onClick={() => onChange({ ...query, range: wider.range })}>
          {wider.label}
        </button>
        {others.map((code) => (
          <button type="button" className="btn" key={code} onClick={() => onChange({ ...query, currency: code })}>
            Show {code}
          </button>
        ))}
      </div>
    </div>
  );
}
