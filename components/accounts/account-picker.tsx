'use client';

import type { ConnectionDto } from '@/lib/transactions/schema';

/** Chooses which connected account a view shows; only accounts whose provider offers the view are listed. */
export function AccountPicker({
  accounts,
  value,
  onChange,
}: {
  accounts: readonly ConnectionDto[];
  value: string;
  onChange: (connectionId: string) => void;
}) {
  if (accounts.length <= 1) {
    const only = accounts[0];
    return only ? (
      <div className="field">
        <span className="label">Account</span>
        <span>
          {only.label} <span className="faint">· {only.providerName}</span>
        </span>
      </div>
    ) : null;
  }
  return (
    <div className="field">
      <label htmlFor="account-picker">Account</label>
      <select id="account-picker" className="select" value={value} onChange={(event) => onChange(event.target.value)}>
        {accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {account.label} · {account.providerName}
          </option>
        ))}
      </select>
    </div>
  );
}
