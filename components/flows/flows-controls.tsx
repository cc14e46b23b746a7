'use client';

import { AccountPicker } from '@/components/accounts/account-picker';
import { useState } from 'react';
import { PRESET_DAYS, PRESET_PERIODS, type PeriodChoice } from '@/lib/flows/period';
import { ALL_ACCOUNTS, type FlowsQuery } from '@/lib/flows/query-url';
import type { ConnectionDto } from '@/lib/connections/schema';

interface Props {
  query: FlowsQuery;
  onChange: (next: FlowsQuery) => void;
  /** Currencies to offer: those with transactions in the period, and the one shown. */
  currencies: readonly string[];
  /** Accounts to offer; null hides the account picker. */
  accounts: readonly ConnectionDto[] | null;
  /** The period as the server resolved it, to prefill a custom range. */
  resolved: { from: string; to: string } | null;
}

function CustomRange({ initial, onApply }: { initial: { from: string; to: string }; onApply: (range: PeriodChoice) => void }) {
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const valid = from !== '' && to !== '' && from <= to;
  return (
    <form
      className="flows-custom"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) onApply({ from, to });
      }}
    >
      <div className="field">
        <label htmlFor="flows-from">From</label>
        <input id="flows-from" className="input" type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="flows-to">To</label>
        <input id="flows-to" className="input" type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
      </div>
      <button type="submit" className="btn" disabled={!valid}>
        Apply
      </button>
    </form>
  );
}

export function FlowsControls({ query, onChange, currencies, accounts, resolved }: Props) {
  const isCustom = 'from' in query.range;
  const [customChosen, setCustomChosen] = useState(false);
  const customOpen = customChosen || isCustom;
  const currencyOptions = [...new Set([...(query.currency ? [query.currency] : []), ...currencies])];
  const customInitial = 'from' in query.range ? query.range : (resolved ?? { from: '', to: '' });
  return (
    <div className="flows-controls">
      <div className="field">
        <span className="label" id="flows-period-label">
          Period
        </span>
        <div className="segmented" role="group" aria-labelledby="flows-period-label">
          {PRESET_PERIODS.map((period) => (
            <button
              key={period}
              type="button"
              aria-pressed={!customOpen && 'period' in query.range && query.range.period === period}
              onClick={() => {
                setCustomChosen(false);
                onChange({ ...query, range: { period } });
              }}
            >
              {PRESET_DAYS[period]} days
            </button>
          ))}
          <button type="button" aria-pressed={customOpen} onClick={() => setCustomChosen(true)}>
            Custom
          </button>
        </div>
      </div>
      {customOpen && (
        <CustomRange
          key={`${customInitial.from}:${customInitial.to}`}
          initial={customInitial}
          onApply={(range) => onChange({ ...query, range })}
        />
      )}
      <div className="field">
        <label htmlFor="flows-currency">Currency</label>
        <select
          id="flows-currency"
          className="select"
          value={query.currency ?? currencyOptions[0] ?? ''}
          disabled={currencyOptions.length === 0}
          onChange={(event) => onChange({ ...query, currency: event.target.value })}
        >
          {currencyOptions.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </div>
      {accounts && (
        <AccountPicker
          id="flows-account"
          accounts={accounts}
          value={query.account}
          all={{ value: ALL_ACCOUNTS, label: 'All accounts' }}
          onChange={(account) => onChange({ ...query, account })}
        />
      )}
    </div>
  );
}
