import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { safeCallbackPath } from '@/lib/auth/redirect';
import { getSessionUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <main className="auth-page">
      <div className="card auth-card">
        <div className="brand" style={{ padding: 0 }}>
          <span className="brand-mark" aria-hidden /> Fundsight
        </div>
        <h1 style={{ marginTop: 18 }}>Sign in</h1>
        <p className="muted" style={{ margin: '4px 0 0' }}>
          Balances, transactions and payouts across your payment providers.
        </p>
        <SignInForm callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
