'use client';

import { useQuery } from '@tanstack/react-query';
import { CoverageNote } from '@/components/accounts/coverage-note';
import { flowsQueryOptions } from '@/lib/flows/queries';
import { ALL_ACCOUNTS } from '@/lib/flows/query';
import type { ConnectionDto } from '@/lib/transactions/schema';
import { useUrlFlowsQuery } from './use-flows-query';

/**
 * The Flows page's coverage note, in the page's first HTML: from the providers' capabilities and the URL's
 * account at once, narrowed to the accounts the figures summed once they are in (it never fetches itself).
 */
export function FlowsCoverageNote({ connections }: { connections: readonly ConnectionDto[] }) {
  const [query] = useUrlFlowsQuery();
  const flows = useQuery({ ...flowsQueryOptions(query), enabled: false });
  const covered = flows.data?.accountIds ?? (query.account === ALL_ACCOUNTS ? undefined : [query.account]);
  return <CoverageNote connections={connections} capability="transactions" covered={covered} />;
}
