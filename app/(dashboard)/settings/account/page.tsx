import type { Metadata } from 'next';
import { OrganizationSwitcher, PasswordForm, SessionsPanel } from '@/components/settings/account-panels';
import { mySessions } from '@/lib/admin/account';
import { requirePageSession } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';

export const metadata: Metadata = { title: 'My account' };

export default async function AccountPage() {
  const user = await requirePageSession();
  const sessions = await mySessions(await getDb(), user.userId);
  return (
    <div className="stack">
      <section className="card" aria-labelledby="switch-title">
        <div className="card-head"><h2 id="switch-title" style={{ margin: 0 }}>Organization</h2></div>
        <div className="card-body">
          <OrganizationSwitcher current={user.organizationId} organizations={user.organizations} />
        </div>
      </section>
      <section className="card" aria-labelledby="password-title">
        <div className="card-head"><h2 id="password-title" style={{ margin: 0 }}>Password</h2></div>
        <div className="card-body"><PasswordForm /></div>
      </section>
      <section className="card" aria-labelledby="sessions-title">
        <div className="card-head"><h2 id="sessions-title" style={{ margin: 0 }}>Sessions</h2></div>
        <div className="card-body">
          <SessionsPanel sessions={sessions.map((s) => ({ id: s.id, userAgent: s.userAgent, createdAt: s.createdAt.toISOString(), current: s.id === user.sessionId }))} />
        </div>
      </section>
    </div>
  );
}
