'use client';

import { useState } from 'react';
import type { TransactionType } from '@/lib/domain/transaction';
import { isPayoutId } from '@/lib/list-query/fields';
import { TRANSACTION_FILTER_TYPES, type TransactionsQuery } from '@/lib/list-query/transactions-url';
import { DateRangeFilter } from '@/components/ui/date-range-filter';
import { TYPE_FILTER_LABELS } from '@/components/ui/labels';
import { Menu } from '@/components/ui/menu';
import { PayoutStatusSelect } from '@/components/ui/payout-status-select';

export type FilterChange = Partial<Pick<TransactionsQuery, 'payout_status' | 'payout_id' | 'type' | 'from' | 'to'>>;

/**
 * The browser checks only the provider-neutral form the query schema takes; whether the account's provider
 * could have issued the id is the server's to say (its 400 names `payout_id` and the provider).
 */
export function payoutIdDraftError(draft: string): string | null {
  const id = draft.trim();
  if (id === '' || isPayoutId(id)) return null;
  return 'A payout ID is letters, digits, “_” or “-”, at most 64 characters.';
}

function PayoutIdFilter({ value, onApply }: { value: string | undefined; onApply: (id: string | undefined) => void }) {
  const [draft, setDraft] = useState(value ?? '');
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value ?? '');
  }
  const apply = () => {
    const id = draft.trim();
    const problem = payoutIdDraftError(id);
    setError(problem);
    if (problem !== null) return;
    onApply(id === '' ? undefined : id);
  };
  return (
    <div className="field">
      <label htmlFor="filter-payout-id">Payout ID</label>
      <input
        id="filter-payout-id"
        className="input mono"
        placeholder="Paste a payout ID"
        value={draft}
        aria-invalid={error !== null}
        aria-describedby={error ? 'filter-payout-id-error' : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={apply}
        onKeyDown={(event) => event.key === 'Enter' && apply()}
        size={24}
      />
      {error && (
        <span id="filter-payout-id-error" className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

function TypeFilter({ value, onChange }: { value: readonly TransactionType[] | undefined; onChange: (types: TransactionType[] | undefined) => void }) {
  const chosen = value ?? [];
  return (
    <div className="field">
      <span className="label" id="filter-type-label">
        Type
      </span>
      <Menu
        buttonProps={{ 'aria-labelledby': 'filter-type-label filter-type-summary' }}
        label={<span id="filter-type-summary">{chosen.length === 0 ? 'All types' : chosen.length === 1 ? TYPE_FILTER_LABELS[chosen[0]!] : `${chosen.length} types`}</span>}
      >
        <fieldset className="menu-choices">
          <legend className="visually-hidden">Transaction types</legend>
          {TRANSACTION_FILTER_TYPES.map((type) => (
            <label key={type} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(type)}
                onChange={(event) => {
                  const next = TRANSACTION_FILTER_TYPES.filter((t) => (t === type ? event.target.checked : chosen.includes(t)));
                  onChange(next.length === 0 ? undefined : next);
                }}
              />
              {TYPE_FILTER_LABELS[type]}
            </label>
          ))}
        </fieldset>
      </Menu>
    </div>
  );
}

export function TransactionFilters({ query, onChange }: { query: TransactionsQuery; onChange: (change: FilterChange) => void }) {
  const active = query.payout_status ?? query.payout_id ?? query.type ?? query.from ?? query.to;
  return (
    <div className="filters" role="group" aria-label="Filters">
      <PayoutStatusSelect id="filter-payout-status" label="Payout status" value={query.payout_status} onChange={(payout_status) => onChange({ payout_status })} />
      <PayoutIdFilter value={query.payout_id} onApply={(payout_id) => payout_id !== query.payout_id && onChange({ payout_id })} />
      <TypeFilter value={query.type} onChange={(type) => onChange({ type })} />
      <DateRangeFilter value={query} onChange={(range) => onChange({ from: range.from, to: range.to })} />
      {active !== undefined && (
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => onChange({ payout_status: undefined, payout_id: undefined, type: undefined, from: undefined, to: undefined })}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
