import { formatMoney } from './format-money';

export { formatMoney };

export function Money({ amount, currency, className }: { amount: string | null; currency: string; className?: string }) {
  if (amount === null) {
    return (
      <span className={`num faint ${className ?? ''}`} title="Not reported by this provider">
        —
      </span>
    );
  }
  const negative = amount.startsWith('-');
  return (
    <span className={`num ${className ?? ''}`} style={negative ? { color: 'var(--danger)' } : undefined}>
      {formatMoney(amount, currency)}
    </span>
  );
}
