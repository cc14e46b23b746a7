'use client';

import { getCsrfToken, signOut } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormField } from './form-field';
import { FormMessage } from './form-message';
import { formValues, useSubmit } from './submit';
import { LocalTime } from '@/components/ui/time';
import { useTimeZone } from '@/components/ui/time-zone';

export interface SessionRow {
  readonly id: string;
  readonly userAgent: string;
  readonly createdAt: string;
  readonly current: boolean;
}

export function PasswordForm() {
  const submit = useSubmit();
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <form className="stack settings-form" noValidate onSubmit={async (e) => {
      e.preventDefault();
      setSaved(null);
      const form = e.currentTarget;
      const values = formValues(form);
      // The schema (and zod with it) loads on the first submit, not with the page.
      const { fieldErrorsOf, passwordChangeSchema } = await import('@/lib/admin/schemas');
      const local = passwordChangeSchema.safeParse(values);
      if (!local.success) return submit.setFields(fieldErrorsOf(local.error));
      const result = await submit.run('/api/settings/account/password', 'POST', local.data);
      if (result.ok) {
        form.reset();
        setSaved('Password changed. Your other sessions were signed out.');
      }
    }}>
      <FormField name="currentPassword" label="Current password" type="password" autoComplete="current-password" error={submit.fields.currentPassword} required />
      <FormField name="newPassword" label="New password" type="password" autoComplete="new-password" help="At least 12 characters." error={submit.fields.newPassword} required />
      <FormMessage error={submit.message} success={saved} />
      <div><button type="submit" className="btn btn-primary" disabled={submit.pending}>Change password</button></div>
    </form>
  );
}

export function SessionsPanel({ sessions }: { sessions: readonly SessionRow[] }) {
  const timeZone = useTimeZone();
  const router = useRouter();
  const submit = useSubmit();
  return (
    <div className="stack">
      <p className="faint" style={{ margin: 0 }}>Sign-in times in {timeZone}.</p>
      <ul className="stack" style={{ gap: 8, paddingLeft: 0, listStyle: 'none' }} aria-label="Signed-in sessions">
        {sessions.map((s) => (
          <li key={s.id} className="toolbar" style={{ justifyContent: 'space-between' }}>
            <span>
              Signed in <LocalTime iso={s.createdAt} withSeconds={false} />
              <span className="faint"> · {s.userAgent.slice(0, 80) || 'Unknown browser'}</span>
              {s.current ? <span className="badge badge-info"> This session</span> : null}
            </span>
            {!s.current ? (
              <button type="button" className="btn btn-small" onClick={async () => { const r = await submit.run(`/api/settings/account/sessions/${s.id}`, 'DELETE'); if (r.ok) router.refresh(); }}>
                End session
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <FormMessage error={submit.message} />
      <div>
        <button type="button" className="btn" disabled={submit.pending} onClick={async () => {
          const r = await submit.run('/api/settings/account/sign-out-everywhere', 'POST');
          if (r.ok) await signOut({ callbackUrl: '/sign-in' });
        }}>Sign out everywhere</button>
      </div>
    </div>
  );
}

export function OrganizationSwitcher({ current, organizations }: { current: string; organizations: readonly { id: string; name: string; role: string }[] }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  if (organizations.length < 2) return <p className="muted">You belong to one organization.</p>;
  return (
    <div className="field settings-form">
      <label htmlFor="org-switch">Organization</label>
      <select id="org-switch" className="select" defaultValue={current} disabled={pending} onChange={async (e) => {
        setPending(true);
        // next-auth's session update (what useSession().update sends): the server checks membership itself.
        const csrfToken = await getCsrfToken();
        await fetch('/api/auth/session', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ csrfToken, data: { organizationId: e.target.value } }),
        });
        setPending(false);
        router.push('/');
        router.refresh();
      }}>
        {organizations.map((org) => <option key={org.id} value={org.id}>{org.name} ({org.role})</option>)}
      </select>
    </div>
  );
}
