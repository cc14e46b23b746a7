'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ConnectionView } from '@/lib/admin/connections';
import { FormField } from './form-field';
import { FormMessage } from './form-message';
import type { ProviderFormSpec } from './provider-spec';
import { formValues, useSubmit } from './submit';
import { LocalTime } from '@/components/ui/time';

type Mode = 'view' | 'edit' | 'rotate' | 'remove';

/** In the organization's zone and the app's one date-time format, as every date of every page. */
const when = (iso: string) => <LocalTime iso={iso} withSeconds={false} />;

function nested(values: Record<string, string>, prefix: string) {
  return Object.fromEntries(
    Object.entries(values).filter(([k]) => k.startsWith(`${prefix}.`)).map(([k, v]) => [k.slice(prefix.length + 1), v]),
  );
}

/** One connection: identifiers, status, capabilities, and its actions (test, edit, rotate, disable, remove). */
export function ConnectionCard({ connection, spec }: { connection: ConnectionView; spec: ProviderFormSpec | undefined }) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>('view');
  const [note, setNote] = useState<string | null>(null);
  const submit = useSubmit();
  const url = `/api/settings/connections/${connection.id}`;
  // The provider tells two same-named accounts apart; a label that names it already is not told it twice.
  const base = connection.label.includes(connection.providerName) ? connection.label : `${connection.label} (${connection.providerName})`;

  async function act(path: string, method: string, body?: unknown, done?: string) {
    setNote(null);
    const result = await submit.run<{ ok?: boolean; message?: string; traceId?: string | null }>(path, method, body);
    if (!result.ok) return;
    if (result.data && typeof result.data.message === 'string') {
      setNote(`${result.data.message}${result.data.traceId ? ` Trace id: ${result.data.traceId}` : ''}`);
    } else if (done) setNote(done);
    setMode('view');
    router.refresh();
  }

  const capabilities = Object.entries(connection.capabilities).filter(([, on]) => on).map(([name]) => name);
  return (
    <article className="card" aria-label={base}>
      <div className="card-head">
        <h3 style={{ margin: 0 }}>{connection.label}</h3>
        <span className="toolbar">
          <span className="badge">{connection.providerName}</span>
          {connection.disabled ? <span className="badge badge-warning">Disabled</span> : null}
          {!connection.credentialsReadable ? <span className="badge badge-danger">Needs new credentials</span> : null}
        </span>
      </div>
      <div className="card-body stack">
        <dl className="detail-list">
          {connection.identifiers.map((id) => (
            <div className="detail-row" key={id.key}><dt className="muted">{id.label}</dt><dd className="mono">{id.value}</dd></div>
          ))}
          <div className="detail-row"><dt className="muted">Base URL</dt><dd className="mono">{connection.baseUrl}</dd></div>
          <div className="detail-row"><dt className="muted">Credentials</dt><dd>Set, last changed on {when(connection.credentialsChangedAt)}</dd></div>
          <div className="detail-row"><dt className="muted">Capabilities</dt><dd>{capabilities.join(', ')}</dd></div>
          <div className="detail-row">
            <dt className="muted">Status</dt>
            <dd>
              {connection.lastSuccessAt ? <>Last successful call {when(connection.lastSuccessAt)}</> : 'No successful call recorded yet'}
              {connection.lastError ? (
                <span className="field-error" style={{ display: 'block' }}>
                  Last error {when(connection.lastError.at)}: {connection.lastError.message}
                  {connection.lastError.traceId ? ` (trace id ${connection.lastError.traceId})` : ''}
                </span>
              ) : null}
            </dd>
          </div>
        </dl>
        <FormMessage error={submit.message} success={note} />
        {mode === 'view' ? (
          <div className="toolbar">
            <button type="button" className="btn btn-small" disabled={submit.pending} onClick={() => act(`${url}/test`, 'POST')} aria-label={`Test ${base}`}>Test</button>
            <button type="button" className="btn btn-small" onClick={() => setMode('edit')} aria-label={`Edit ${base}`}>Edit</button>
            <button type="button" className={`btn btn-small${connection.credentialsReadable ? '' : ' btn-primary'}`} onClick={() => setMode('rotate')} aria-label={`Rotate credentials of ${base}`}>Rotate credentials</button>
            <button type="button" className="btn btn-small" disabled={submit.pending} onClick={() => act(url, 'PATCH', { disabled: !connection.disabled }, connection.disabled ? 'Enabled.' : 'Disabled.')} aria-label={`${connection.disabled ? 'Enable' : 'Disable'} ${base}`}>
              {connection.disabled ? 'Enable' : 'Disable'}
            </button>
            <button type="button" className="btn btn-small" onClick={() => setMode('remove')} aria-label={`Remove ${base}`}>Remove</button>
          </div>
        ) : null}
        {mode === 'edit' ? (
          <form className="stack" noValidate onSubmit={(e) => { e.preventDefault(); const v = formValues(e.currentTarget); void act(url, 'PATCH', { label: v.label, baseUrl: v.baseUrl, settings: nested(v, 'settings') }, 'Saved.'); }}>
            <FormField name="label" label="Label" defaultValue={connection.label} error={submit.fields.label} required />
            {(spec?.settings ?? []).map((f) => (
              <FormField key={f.key} name={`settings.${f.key}`} label={f.label} help={f.help} error={submit.fields[`settings.${f.key}`]}
                defaultValue={connection.identifiers.find((i) => i.key === f.key)?.value} required />
            ))}
            <FormField name="baseUrl" label="Base URL" type="url" help={spec?.baseUrlHelp} defaultValue={connection.baseUrl} error={submit.fields.baseUrl} />
            <div className="toolbar">
              <button type="submit" className="btn btn-primary btn-small" disabled={submit.pending}>Save changes</button>
              <button type="button" className="btn btn-ghost btn-small" onClick={() => setMode('view')}>Cancel</button>
            </div>
          </form>
        ) : null}
        {mode === 'rotate' ? (
          <form className="stack" noValidate onSubmit={(e) => { e.preventDefault(); void act(`${url}/credentials`, 'PUT', { credentials: nested(formValues(e.currentTarget), 'credentials') }, 'New credentials saved.'); }}>
            {(spec?.credentials ?? []).map((f) => (
              <FormField key={f.key} name={`credentials.${f.key}`} label={`New ${f.label.toLowerCase()}`} help={f.help} type="password" autoComplete="off" error={submit.fields[`credentials.${f.key}`]} required />
            ))}
            <div className="toolbar">
              <button type="submit" className="btn btn-primary btn-small" disabled={submit.pending}>Save new credentials</button>
              <button type="button" className="btn btn-ghost btn-small" onClick={() => setMode('view')}>Cancel</button>
            </div>
          </form>
        ) : null}
        {mode === 'remove' ? (
          <div className="alert alert-danger" role="alertdialog" aria-label={`Remove ${base}?`}>
            <p>Remove {base}? Its balances, transactions and payouts disappear from Fundsight. This cannot be undone.</p>
            <div className="toolbar alert-actions">
              <button type="button" className="btn btn-small" onClick={() => setMode('view')} autoFocus>Keep it</button>
              <button type="button" className="btn btn-primary btn-small" disabled={submit.pending} onClick={() => act(url, 'DELETE')}>Yes, remove</button>
            </div>
          </div>
        ) : null}
      </div>
    </article>
  );
}
