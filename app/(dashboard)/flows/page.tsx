import type { Metadata } from 'next';
import { FlowsSection } from '@/components/flows/flows-section';
import { requirePageSession } from '@/lib/auth/session';
import { parseFlowsSearchParams } from '@/lib/flows/query';

export const metadata: Metadata = { title: 'Money flow' };

export default async function FlowsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageSession('finance');
  const query = parseFlowsSearchParams(await searchParams);
  return (
    <>
      <header className="page-head">
        <div>
          <h1>Money flow</h1>
          <p className="muted">
            Money in and out of {user.organizationName}&apos;s provider accounts, per day or week in {user.organizationTimezone} time.
          </p>
        </div>
      </header>
      <FlowsSection user={user} query={query} variant="page" />
    </>
  );
}
