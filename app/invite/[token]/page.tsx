import type { Metadata } from 'next';
import Link from 'next/link';
import { AcceptInvitationForm } from '@/components/settings/accept-invitation-form';
import { viewInvitation } from '@/lib/admin/invitations';
import { getSessionUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';

export const metadata: Metadata = { title: 'Invitation' };
export const dynamic = 'force-dynamic';

const TEXT = {
  expired: ['This invitation has expired', 'Ask an admin of the organization for a new invitation.'],
  used: ['This invitation was already used', 'Each link works once. If it was you, sign in.'],
  revoked: ['This invitation was withdrawn', 'Ask an admin of the organization for a new invitation.'],
  unknown: ['This invitation link is not valid', 'Check that you copied the whole link, or ask for a new one.'],
} as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await viewInvitation(await getDb(), token);
  const signedIn = await getSessionUser();
  if (invitation.status === 'valid' && signedIn && signedIn.email !== invitation.email) {
    return (
      <main className="auth-page">
        <div className="card auth-card">
          <h1>This invitation is for someone else</h1>
          <p className="muted">
            It invites {invitation.email} to {invitation.organizationName}; you are signed in as {signedIn.email}. Sign out, then
            open the link again, or ask for an invitation to your own address.
          </p>
          <p><Link href="/">Back to Fundsight</Link></p>
        </div>
      </main>
    );
  }
  return (
    <main className="auth-page">
      <div className="card auth-card">
        <div className="brand" style={{ padding: 0 }}><span className="brand-mark" aria-hidden /> Fundsight</div>
        {invitation.status === 'valid' ? (
          <>
            <h1 style={{ marginTop: 18 }}>Join {invitation.organizationName}</h1>
            <p className="muted">As {invitation.role}, with {invitation.email}.</p>
            <AcceptInvitationForm token={token} email={invitation.email ?? ''} hasAccount={invitation.hasAccount} />
          </>
        ) : (
          <>
            <h1 style={{ marginTop: 18 }}>{TEXT[invitation.status][0]}</h1>
            <p className="muted">{TEXT[invitation.status][1]}</p>
            <p><Link href="/sign-in">Go to sign-in</Link></p>
          </>
        )}
      </div>
    </main>
  );
}
