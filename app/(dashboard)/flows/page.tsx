import type { Metadata } from 'next';
import { FlowsCoverageNote } from '@/components/flows/flows-coverage';
import { FlowsSection } from '@/components/flows/flows-section';
import { requirePageSession } from '@/lib/auth/session';
import { parseFlowsSearchParams } from '@/lib/flows/query-url';
import { listConnectionDtos } from '@/lib/connections/dtos';

export const metadata: Metadata = { title: 'Money flow' };

export default async function FlowsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageSession('finance');
  const query = parseFlowsSearchParams(await searchParams);
  const { connections } = await listConnectionDtos(user.organizationId);
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
      <FlowsCoverageNote connections={connections} />
      <FlowsSection user={user} query={query} variant="page" />
    </>
  );
}
