import 'server-only';
import type { BalanceLine, BalanceWarning } from '@/lib/domain/balance';
import { add, equals } from '@/lib/domain/money';
import { wireReader, type MapContext, type WireReader } from '../wire';
import type { WireBalanceRow } from './schemas';

const ACCOUNT_TYPE_LABELS: Readonly<Record<string, string>> = {
  FUND_ACCOUNT: 'Fund account',
  VCC_ACCOUNT: 'VCC account',
  REFUND_ACCOUNT: 'Refund account',
};

const TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

// NeoX documents no timezone; it is a Hong Kong company and its console shows HKT, so read as UTC+8.
const NEOX_OFFSET_MS = 8 * 60 * 60 * 1000;

/** yyyy-MM-dd HH:mm:ss in Hong Kong time (UTC+8, no daylight saving). */
export function parseNeoxTime(value: string, field: string, read: WireReader): Date {
  const parts = TIME.exec(value.trim())?.slice(1).map(Number);
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts ?? [];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const valid =
    parts !== undefined &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  if (!valid) throw read.fail(`an invalid time in ${field}`);
  return new Date(date.getTime() - NEOX_OFFSET_MS);
}

/** One line per account row; a total that is not available + frozen is kept and flagged, never corrected. */
export function mapBalances(rows: readonly WireBalanceRow[], ctx: MapContext): BalanceLine[] {
  const read = wireReader(ctx);
  const seen = new Set<string>();
  return rows.map((row, index) => {
    const field = `data[${index}]`;
    const currency = read.currency(row.currency, `${field}.currency`);
    const total = read.money(row.balance, currency, `${field}.balance`);
    const available = read.money(row.availableBalance, currency, `${field}.availableBalance`);
    const frozen = read.money(row.frozenAmount, currency, `${field}.frozenAmount`);
    const sumOfParts = add(available, frozen);
    const warnings: BalanceWarning[] = equals(total, sumOfParts) ? [] : [{ kind: 'total_mismatch', reportedTotal: total, sumOfParts }];
    // An account number shared by several currency rows still needs a distinct key.
    const key = seen.has(row.accountNo) ? `${row.accountNo}:${currency}` : row.accountNo;
    seen.add(key);
    return {
      key,
      subLabel: `${ACCOUNT_TYPE_LABELS[row.accountType] ?? row.accountType} · ${row.accountNo}`,
      currency,
      settling: null,
      available,
      frozen,
      total,
      asOf: parseNeoxTime(row.time, `${field}.time`, read),
      warnings,
    };
  });
}
