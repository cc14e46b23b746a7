import 'server-only';
import type { BalanceLine } from '@/lib/domain/balance';
import { toDecimalString, type Money } from '@/lib/domain/money';
import { describeFailure } from '@/lib/connections/failure';
import { clientFor } from '@/lib/connections/client';
import { loadConnection } from '@/lib/connections/load';
import { noteOutcome } from '@/lib/connections/status';
import type { ConnectionSummary } from '@/lib/db/connections';
import { getProviderDefinition } from '@/lib/providers/registry';
import type { AccountBalancesDto, BalanceLineDto, OverviewDto } from './schema';
import { summarizeByCurrency } from './summary';

/** An account that has not answered by then is shown as timed out; the rest of the page renders. */
const ACCOUNT_DEADLINE_MS = 20_000;

const decimal = (money: Money | null) => (money === null ? null : toDecimalString(money));

function toLineDto(line: BalanceLine): BalanceLineDto {
  return {
    key: line.key,
    subLabel: line.subLabel,
    currency: line.currency,
    settling: decimal(line.settling),
    available: decimal(line.available),
    frozen: decimal(line.frozen),
    total: toDecimalString(line.total),
    asOf: line.asOf.toISOString(),
    warnings: line.warnings.map((w) => ({
      kind: w.kind,
      reportedTotal: toDecimalString(w.reportedTotal),
      sumOfParts: toDecimalString(w.sumOfParts),
    })),
  };
}

/**
 * Balances of one connection. Any failure, from undecryptable credentials to a provider outage,
 * becomes this account's error entry, never an exception that would blank the other accounts.
 */
export async function loadAccountBalances(organizationId: string, connection: ConnectionSummary): Promise<AccountBalancesDto> {
  const base = {
    connectionId: connection.id,
    provider: connection.provider,
    providerName: getProviderDefinition(connection.provider).displayName,
    label: connection.label,
  };
  try {
    const client = clientFor(await loadConnection(organizationId, connection.id));
    const lines = await client.getBalances({ signal: AbortSignal.timeout(ACCOUNT_DEADLINE_MS) });
    noteOutcome(connection.id, null);
    return { ...base, status: 'ok', fetchedAt: new Date().toISOString(), lines: lines.map(toLineDto) };
  } catch (error) {
    const failure = describeFailure(connection, error);
    noteOutcome(connection.id, failure);
    return { ...base, status: 'error', fetchedAt: new Date().toISOString(), error: failure };
  }
}

export async function loadOverview(organizationId: string, connections: readonly ConnectionSummary[]): Promise<OverviewDto> {
  const accounts = await Promise.all(connections.map((connection) => loadAccountBalances(organizationId, connection)));
  return { generatedAt: new Date().toISOString(), currencies: summarizeByCurrency(accounts), accounts };
}
