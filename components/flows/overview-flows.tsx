import { getSessionUser } from '@/lib/auth/session';
import { hasRole } from '@/lib/auth/roles';
import { DEFAULT_FLOWS_QUERY } from '@/lib/flows/query-url';
import { FlowsSection } from './flows-section';

/** The overview's money-flow widget (last 30 days, all accounts); only for roles that may see transactions. */
export async function OverviewFlows() {
  const user = await getSessionUser();
  if (!user || !hasRole(user.role, 'finance')) return null;
  return (
    <section className="flows-overview stack" aria-labelledby="flows-overview-title">
      <h2 id="flows-overview-title">Money flow</h2>
      <FlowsSection user={user} query={DEFAULT_FLOWS_QUERY} variant="overview" />
    </section>
  );
}
