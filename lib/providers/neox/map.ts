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

const NEOX_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;

/**
 * `time`: the documented `yyyy-MM-dd HH:mm:ss`, read in the connection's zone (no offset is sent), or an ISO 8601
 * date-time, with an offset (taken as sent) or without (read in the same zone).
 */
export function parseNeoxTime(value: string, field: string, read: WireReader): Date {
  const documented = NEOX_TIME.exec(value.trim());
  return read.instant(documented ? `${documented[1]}T${documented[2]}` : value, field);
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
