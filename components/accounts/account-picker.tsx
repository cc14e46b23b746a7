'use client';

import type { ConnectionDto } from '@/lib/connections/schema';

/** "Label · Provider", without repeating the provider when the label already names it. */
const nameOf = (account: ConnectionDto) =>
  account.label.includes(account.providerName) ? account.label : `${account.label} · ${account.providerName}`;

/** Chooses which connected account a view shows; only accounts whose provider offers the view are listed. */
export function AccountPicker({
  accounts,
  value,
  onChange,
  all,
  id = 'account-picker',
}: {
  accounts: readonly ConnectionDto[];
  value: string;
  onChange: (connectionId: string) => void;
  /** An extra first option covering every account, e.g. { value: 'all', label: 'All accounts' }. */
  all?: { value: string; label: string };
  id?: string;
}) {
  if (accounts.length <= 1 && !all) {
    const only = accounts[0];
    return only ? (
      <div className="field">
        <span className="label">Account</span>
        <span>{nameOf(only)}</span>
      </div>
    ) : null;
  }
  return (
    <div className="field">
      <label htmlFor={id}>Account</label>
      <select id={id} className="select" value={value} onChange={(event) => onChange(event.target.value)}>
        {all && <option value={all.value}>{all.label}</option>}
        {accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {nameOf(account)}
          </option>
        ))}
      </select>
    </div>
  );
}
