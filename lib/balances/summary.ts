import { compareCodes } from '@/lib/format/numbers';
import { toCurrency, type CurrencyCode } from '@/lib/domain/currencies';
import { add, parseMoney, toDecimalString, zero, type Money } from '@/lib/domain/money';
import type { AccountBalancesDto, CurrencySummaryDto } from './schema';

type State = 'settling' | 'available' | 'frozen';
const STATES: readonly State[] = ['settling', 'available', 'frozen'];

interface Totals {
  currency: CurrencyCode;
  states: Record<State, Money | null>;
  total: Money;
  lineCount: number;
}

/**
 * Per-currency totals over every successfully loaded line, exact. A state stays null when no
 * line of that currency reports it; currencies are never combined.
 */
export function summarizeByCurrency(accounts: readonly AccountBalancesDto[]): CurrencySummaryDto[] {
  const byCurrency = new Map<string, Totals>();
  for (const account of accounts) {
    if (account.status !== 'ok') continue;
    for (const line of account.lines) {
      const code = toCurrency(line.currency);
      const totals = byCurrency.get(code) ?? {
        currency: code,
        states: { settling: null, available: null, frozen: null },
        total: zero(code),
        lineCount: 0,
      };
      for (const state of STATES) {
        const value = line[state];
        if (value === null) continue;
        const amount = parseMoney(value, code);
        totals.states[state] = totals.states[state] ? add(totals.states[state], amount) : amount;
      }
      totals.total = add(totals.total, parseMoney(line.total, code));
      totals.lineCount += 1;
      byCurrency.set(code, totals);
    }
  }
  return [...byCurrency.values()]
    .sort((a, b) => compareCodes(a.currency, b.currency))
    .map((t) => ({
      currency: t.currency,
      settling: t.states.settling && toDecimalString(t.states.settling),
      available: t.states.available && toDecimalString(t.states.available),
      frozen: t.states.frozen && toDecimalString(t.states.frozen),
      total: toDecimalString(t.total),
      lineCount: t.lineCount,
    }));
}
