import { toDecimalString } from '@/lib/domain/money';
import type { BalanceTransaction } from '@/lib/domain/transaction';
import type { TransactionDto } from './schema';

/** Amounts leave the server as exact decimal strings next to their currency. */
export function toTransactionDto(row: BalanceTransaction): TransactionDto {
  return {
    id: row.id,
    type: row.type,
    rawType: row.rawType,
    sourceType: row.sourceType,
    amount: toDecimalString(row.amount),
    fee: toDecimalString(row.fee),
    net: toDecimalString(row.net),
    currency: row.currency,
    settlementAmount: row.settlementAmount === null ? null : toDecimalString(row.settlementAmount),
    settlementCurrency: row.settlementAmount === null ? null : row.settlementAmount.currency,
    exchangeRate: row.exchangeRate,
    payoutId: row.payoutId,
    payoutStatus: row.payoutStatus,
    transactionTime: row.transactionTime,
    processedAt: row.processedAt,
    sourceOrderId: row.sourceOrderId,
    sourceOrderTransactionId: row.sourceOrderTransactionId,
    sourcePaymentId: row.sourcePaymentId,
  };
}
