// Benchmark: the XLSX writer alone (no provider, no server), 10,000-row pages of a typical SHOPLINE row, to see
// its time and whether its memory stays flat. npx tsx --conditions=react-server scripts/bench-xlsx.ts [pages, default 20]
import { xlsxFileWriter } from '@/lib/exports/xlsx';
import { parseMoney } from '@/lib/domain/money';
import { toCurrency } from '@/lib/domain/currencies';
import type { BalanceTransaction } from '@/lib/domain/transaction';
const usd = toCurrency('USD');
const rows: BalanceTransaction[] = Array.from({ length: 10_000 }, (_, i) => ({
  id: `20220225${String(i).padStart(19, '0')}`, transactionTime: new Date(Date.UTC(2024, 2, 1) - i * 60_000).toISOString(), type: 'payment', rawType: 'payment', sourceType: 'order',
  amount: parseMoney('172.50', usd), fee: parseMoney('-5.30', usd), net: parseMoney('167.20', usd), currency: usd, settlementAmount: null, exchangeRate: null,
  payoutId: '12345678901234567890', payoutStatus: 'completed', processedAt: null, sourceOrderId: '8062298142', sourceOrderTransactionId: null, sourcePaymentId: null,
}) as unknown as BalanceTransaction);
const writer = xlsxFileWriter({ columns: ['id', 'transaction_time', 'type', 'amount', 'fee', 'net', 'currency', 'payout_id', 'payout_status', 'source_order_id'], timeZone: 'America/New_York' });
const t0 = performance.now(); let out = 0; const rss0 = process.memoryUsage.rss(); let peak = rss0;
for (let p = 0; p < Number(process.argv[2] ?? 20); p += 1) {
  const parts = await writer.write(rows);
  out += parts.reduce((n, b) => n + b.byteLength, 0);
  await new Promise((r) => setTimeout(r, 10));
  peak = Math.max(peak, process.memoryUsage.rss());
  if (p % 5 === 0) console.info(p, ((performance.now() - t0) / 1000).toFixed(1), 's out', (out / 1e6).toFixed(1), 'MB rss', ((process.memoryUsage.rss() - rss0) / 1e6).toFixed(0), 'heap', (process.memoryUsage().heapUsed / 1e6).toFixed(0));
}
out += (await writer.end()).reduce((n, b) => n + b.byteLength, 0);
console.info('done', ((performance.now() - t0) / 1000).toFixed(1), 's', (out / 1e6).toFixed(1), 'MB peak growth', ((peak - rss0) / 1e6).toFixed(0));
