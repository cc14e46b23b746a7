import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CurrencyCard, type CurrencyLine } from '@/components/balances/currency-card';
import type { BalanceLineDto, CurrencySummaryDto } from '@/lib/balances/schema';

const line = (key: string, patch: Partial<BalanceLineDto> = {}): BalanceLineDto => ({
  key,
  subLabel: `VCC account · ${key}`,
  currency: 'GBP',
  settling: null,
  available: '1500.00',
  frozen: '20.00',
  total: '1520.00',
  asOf: '2024-05-01T04:30:45.000Z',
  warnings: [],
  ...patch,
});
const mismatch = line('VA2', { total: '1520.40', warnings: [{ kind: 'total_mismatch', reportedTotal: '1520.40', sumOfParts: '1520.00' }] });
const summary: CurrencySummaryDto = { currency: 'GBP', settling: null, available: '3000.00', frozen: '40.00', total: '3040.40', lineCount: 2 };
const lines = (...balances: BalanceLineDto[]): CurrencyLine[] =>
  balances.map((balance) => ({ connectionId: 'c1', providerName: 'NeoX Global Collections', label: 'Globex Trading', line: balance }));
const render = (card: CurrencyLine[]) => renderToStaticMarkup(createElement(CurrencyCard, { summary, lines: card }));

describe('CurrencyCard', () => {
  it('flags the card, not only the row, when a balance total is not available + frozen', () => {
    const html = render(lines(line('VA1'), mismatch));
    expect(html).toContain('aria-label="GBP total mismatch"');
    expect(html).toContain('1 mismatch</span>');
    expect(html).toContain('Globex Trading (VCC account · VA2)');
    expect(html).not.toContain('(VCC account · VA1)');
    // The row keeps its own badge too.
    expect(html).toContain('Total ≠ available + frozen (1520.00)');
  });

  it('counts several mismatching balances', () => {
    const html = render(lines(mismatch, { ...mismatch, key: 'VA3', subLabel: 'VCC account · VA3' }));
    expect(html).toContain('2 mismatches</span>');
    expect(html).toContain('include 2 balances whose provider total');
  });

  it('shows no flag when every balance adds up', () => {
    const html = render(lines(line('VA1'), line('VA2')));
    expect(html).not.toContain('mismatch');
    expect(html).not.toContain('≠');
  });
});
