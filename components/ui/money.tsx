import { formatMoney } from './format-money';
import { NoValue } from './no-value';

export { formatMoney };

export function Money({ amount, currency, className }: { amount: string | null; currency: string; className?: string }) {
  if (amount === null) {
    return (
      <NoValue className={`num faint ${className ?? ''}`} title="Not reported by this provider" spoken="not reported" />
    );
  }
  const negative = amount.startsWith('-');
  return (
    <span className={`num ${className ?? ''}`} style={negative ? { color: 'var(--danger)' } : undefined}>
      {formatMoney(amount, currency)}
    </span>
  );
}
