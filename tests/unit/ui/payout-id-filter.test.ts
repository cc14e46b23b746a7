import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { payoutIdDraftError, TransactionFilters } from '@/components/transactions/filters';

describe('the payout ID filter’s own check', () => {
  it('takes ids of every provider’s form, not only SHOPLINE’s digits', () => {
    for (const id of ['4200000001', 'po_1NfK2x', 'PAYOUT-2024-0001', ' 4200000001 ', '']) expect(payoutIdDraftError(id)).toBeNull();
  });

  it('refuses only what no provider could have issued, saying so without naming a provider’s format', () => {
    for (const id of ['42 00', 'po/1', 'po.1', 'x'.repeat(65), '<script>']) {
      const error = payoutIdDraftError(id);
      expect(error).toMatch(/letters, digits/);
      expect(error).not.toMatch(/digits only|SHOPLINE/i);
    }
  });

  it('does not offer a numeric keyboard, as ids may hold letters', () => {
    const html = renderToStaticMarkup(createElement(TransactionFilters, { query: { limit: 100 }, onChange: () => {} }));
    expect(html).toContain('id="filter-payout-id"');
    expect(html).not.toContain('inputMode');
    expect(html).not.toContain('inputmode');
  });
});
