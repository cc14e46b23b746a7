import { toCurrency } from '@/lib/domain/currencies';
import { parseMoney } from '@/lib/domain/money';
import type { BalanceTransaction, TransactionType } from '@/lib/domain/transaction';

let nextId = 1_000_000;

/** A balance transaction with just what the flows read: type, amount, fee, currency, time. */
export function tx(fields: {
  type: TransactionType;
  amount: string;
  fee?: string;
  currency?: string;
  time: string;
  rawType?: string;
}): BalanceTransaction {
  const currency = toCurrency(fields.currency ?? 'USD');
  const amount = parseMoney(fields.amount, currency);
  const fee = parseMoney(fields.fee ?? '0', currency);
  nextId += 1;
  return {
    id: String(nextId),
    type: fields.type,
    rawType: fields.rawType ?? fields.type,
    sourceType: fields.type,
    amount,
    fee,
    net: { minor: amount.minor + fee.minor, currency },
    currency,
    settlementAmount: amount,
    exchangeRate: '1.0000000000',
    payoutId: null,
    payoutStatus: null,
    transactionTime: fields.time,
    processedAt: null,
    sourceOrderId: null,
    sourceOrderTransactionId: null,
    sourcePaymentId: null,
  };
}
