const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string): Intl.NumberFormat {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'code' });
    formatters.set(currency, formatter);
  }
  return formatter;
}

/** Formats an exact decimal string; Intl reads the string itself, so no float is involved. */
export function formatMoney(amount: string, currency: string): string {
  return formatterFor(currency).format(amount as Intl.StringNumericLiteral);
}

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
