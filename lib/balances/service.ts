import 'server-only';
import { z } from 'zod';
import { serverEnv } from '@/lib/config/env';
import { cacheKey } from '@/lib/connections/cache/cached';
import { providerRuntime } from '@/lib/connections/runtime';
import type { BalanceLine } from '@/lib/domain/balance';
import { toDecimalString, type Money } from '@/lib/domain/money';
import { describeFailure } from '@/lib/connections/failure';
import { clientFor } from '@/lib/connections/client';
import { loadConnection } from '@/lib/connections/load';
import { noteOutcome } from '@/lib/connections/status';
import type { ConnectionSummary } from '@/lib/db/connections';
import { getProviderDefinition } from '@/lib/providers/registry';
import { balanceLineSchema, type AccountBalancesDto, type BalanceLineDto, type OverviewDto } from './schema';
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

export interface BalanceOptions {
  /** Fetch fresh figures instead of the cached ones (still within the provider's budget). */
  readonly refresh?: boolean;
}

const linesSchema = z.array(balanceLineSchema);

/** The connection's balance lines from the shared cache, or from the provider once per cache window. */
async function cachedLines(organizationId: string, connection: ConnectionSummary, options: BalanceOptions) {
  const runtime = providerRuntime();
  const ttlMs = serverEnv().cacheTtlSeconds.balances * 1000;
  return runtime.cache.load({
    key: cacheKey(runtime.keyPrefix, { kind: 'balances', organizationId, connectionId: connection.id }),
    ttlMs,
    schema: linesSchema,
    encode: (lines) => lines,
    refresh: options.refresh || ttlMs === 0,
    load: async () => {
      const client = clientFor(await loadConnection(organizationId, connection.id));
      const lines = await client.getBalances({ signal: AbortSignal.timeout(ACCOUNT_DEADLINE_MS) });
      return lines.map(toLineDto);
    },
  });
}

/**
 * Balances of one connection. Any failure, from undecryptable credentials to a provider outage,
 * becomes this account's error entry, never an exception that would blank the other accounts.
 * `fetchedAt` is when the figures came from the provider, which for a cached answer is earlier than now.
 */
export async function loadAccountBalances(
  organizationId: string,
  connection: ConnectionSummary,
  options: BalanceOptions = {},
): Promise<AccountBalancesDto> {
  const base = {
    connectionId: connection.id,
    provider: connection.provider,
    providerName: getProviderDefinition(connection.provider).displayName,
    label: connection.label,
  };
  try {
    const { value, fetchedAt } = await cachedLines(organizationId, connection, options);
    noteOutcome(connection.id, null);
    return { ...base, status: 'ok', fetchedAt: new Date(fetchedAt).toISOString(), lines: value };
  } catch (error) {
    const failure = describeFailure(connection, error);
    noteOutcome(connection.id, failure);
    return { ...base, status: 'error', fetchedAt: new Date().toISOString(), error: failure };
  }
}

export async function loadOverview(
  organizationId: string,
  connections: readonly ConnectionSummary[],
  options: BalanceOptions = {},
): Promise<OverviewDto> {
  const accounts = await Promise.all(connections.map((connection) => loadAccountBalances(organizationId, connection, options)));
  return { generatedAt: new Date().toISOString(), currencies: summarizeByCurrency(accounts), accounts };
}
