import type { ConnectionDto } from '@/lib/connections/schema';

type Capability = 'transactions' | 'payouts';

const NOUN: Record<Capability, string> = { transactions: 'transactions', payouts: 'payouts' };

/** "A, B and C" */
function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * Says which accounts a view covers when it covers only some: the provider's declared capabilities decide,
 * so "All accounts" never reads as the whole business. `covered` narrows further (the accounts a figure summed).
 */
export function CoverageNote({
  connections,
  capability,
  covered,
  id,
}: {
  connections: readonly ConnectionDto[];
  capability: Capability;
  covered?: readonly string[];
  id?: string;
}) {
  const capable = connections.filter((c) => c.capabilities[capability] && (covered === undefined || covered.includes(c.id)));
  const left = connections.filter((c) => !capable.includes(c));
  if (left.length === 0) return null;
  const lacking = [...new Set(left.filter((c) => !c.capabilities[capability]).map((c) => c.providerName))];
  const covers = `Covers ${capable.length} of ${connections.length} accounts${capable.length > 0 ? ':' : '.'}`;
  const which = [
    capable.length > 0 ? `${list(capable.map((c) => c.label))}.` : '',
    lacking.length > 0
      ? `Not included: ${left.length} ${left.length === 1 ? 'account' : 'accounts'} on ${list(lacking)}, which ${lacking.length === 1 ? 'does' : 'do'} not provide ${NOUN[capability]}.`
      : '',
  ].filter((part) => part !== '');
  // Two texts, not a text per value: Orca spoke each text node as a phrase of its own (": Acme…", "Not included: 3.",
  // "do.", "not provide transactions.").
  return (
    <p className="coverage-note" id={id} role="note">
      <strong>{covers}</strong>
      {which.length > 0 && ` ${which.join(' ')}`}
    </p>
  );
}
