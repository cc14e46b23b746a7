'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { DataTable, type TableColumn } from '@/components/ui/data-table';
import { ROLES, type Role } from '@/lib/auth/roles';
import { FormField } from './form-field';
import { FormMessage } from './form-message';
import { formValues, useSubmit } from './submit';
import { LocalTime } from '@/components/ui/time';
import { useTimeZone } from '@/components/ui/time-zone';

export interface MemberRow {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly lastSignInAt: string | null;
  readonly isMe: boolean;
}

export interface InvitationRow {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  readonly expiresAt: string;
}

/** In the organization's zone and the app's one date-time format, as every date of every page. */
const when = (iso: string | null) => (iso ? <LocalTime iso={iso} withSeconds={false} /> : 'Never');

function InviteForm() {
  const router = useRouter();
  const roleId = useId();
  const submit = useSubmit();
  const [link, setLink] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  return (
    <form className="stack settings-form" noValidate onSubmit={async (e) => {
      e.preventDefault();
      const form = e.currentTarget;
      setLink(null);
      setSent(null);
      const result = await submit.run<{ url: string | null; mailed: boolean; email: string }>('/api/settings/invitations', 'POST', formValues(form));
      if (!result.ok || !result.data) return;
      if (result.data.url) setLink(result.data.url);
      else setSent(`Invitation mailed to ${result.data.email}.`);
      form.reset();
      router.refresh();
    }}>
      <FormField name="email" label="Email" type="email" autoComplete="off" error={submit.fields.email} required />
      <div className="field">
        <label htmlFor={roleId}>Role</label>
        <select id={roleId} name="role" className="select" defaultValue="viewer">
          {ROLES.map((role) => <option key={role} value={role}>{role}</option>)}
        </select>
      </div>
      <FormMessage error={submit.message} success={sent} />
      {link ? (
        <div className="field" role="status">
          <span className="label">Invitation link (valid 7 days, once): copy it to the colleague</span>
          <input className="input mono" readOnly value={link} aria-label="Invitation link" onFocus={(e) => e.currentTarget.select()} />
          <span><CopyButton value={link} label="invitation link" /></span>
        </div>
      ) : null}
      <div><button type="submit" className="btn btn-primary" disabled={submit.pending}>Send invitation</button></div>
    </form>
  );
}

function MemberActions({ member }: { member: MemberRow }) {
  const router = useRouter();
  const submit = useSubmit();
  const [confirming, setConfirming] = useState(false);
  const url = `/api/settings/members/${member.userId}`;
  return (
    <div className="stack" style={{ gap: 6 }}>
      <div className="toolbar">
        <select className="select" aria-label={`Role of ${member.email}`} defaultValue={member.role} disabled={submit.pending}
          onChange={async (e) => { const result = await submit.run(url, 'PATCH', { role: e.target.value }); if (result.ok) router.refresh(); else e.target.value = member.role; }}>
          {ROLES.map((role) => <option key={role} value={role}>{role}</option>)}
        </select>
        {confirming ? (
          <>
            <button type="button" className="btn btn-small btn-primary" onClick={async () => { const r = await submit.run(url, 'DELETE'); setConfirming(false); if (r.ok) router.refresh(); }}>Yes, remove {member.email}</button>
            <button type="button" className="btn btn-small btn-ghost" onClick={() => setConfirming(false)}>Cancel</button>
          </>
        ) : (
          <button type="button" className="btn btn-small" onClick={() => setConfirming(true)} aria-label={`Remove ${member.email}`}>Remove</button>
        )}
      </div>
      <FormMessage error={submit.message} />
    </div>
  );
}

function LastSignInHeader() {
  return <>Last sign-in <span className="faint">({useTimeZone()})</span></>;
}

/** On the shared table shell: its own named, focusable scroll region on a narrow screen, like every list. */
const MEMBER_COLUMNS: readonly TableColumn<MemberRow>[] = [
  {
    id: 'member',
    header: 'Member',
    rowHeader: true,
    cell: (member) => (
      <>
        {member.name}
        <div className="faint">{member.email}{member.isMe ? ' (you)' : ''}</div>
      </>
    ),
  },
  { id: 'last-sign-in', header: <LastSignInHeader />, cell: (member) => when(member.lastSignInAt) },
  { id: 'role', header: 'Role', cell: (member) => <MemberActions member={member} /> },
];

export function MembersManager({ members, invitations }: { members: readonly MemberRow[]; invitations: readonly InvitationRow[] }) {
  return (
    <div className="stack">
      <section className="card" aria-labelledby="members-title">
        <div className="card-head"><h2 id="members-title" style={{ margin: 0 }}>Members</h2></div>
        <DataTable name="Members" regionName="Members, scrollable" columns={MEMBER_COLUMNS} rows={members} rowKey={(member) => member.userId} regionClassName="card-body" />
      </section>
      <section className="card" aria-labelledby="invite-title">
        <div className="card-head"><h2 id="invite-title" style={{ margin: 0 }}>Invite a colleague</h2></div>
        <div className="card-body stack">
          <InviteForm />
          {invitations.length > 0 ? (
            <ul aria-label="Pending invitations">
              {invitations.map((i) => <li key={i.id}>{i.email} as {i.role}, expires {when(i.expiresAt)}</li>)}
            </ul>
          ) : <p className="faint">No pending invitations.</p>}
        </div>
      </section>
    </div>
  );
}
