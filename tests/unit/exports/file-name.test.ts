import { describe, expect, it } from 'vitest';
import { describeFilters } from '@/lib/exports/describe';
import { exportFileName } from '@/lib/exports/file-name';
import { dateIn } from '@/lib/time/dates';
import { contentDisposition, fileNameFromDisposition } from '@/lib/exports/http';
import { timestampZone } from '@/lib/exports/options';

const label = 'Acme Outfitters (SHOPLINE Payments)';

describe('exportFileName', () => {
  it('names the account, the filters and the date', () => {
    expect(exportFileName({ accountLabel: label, filters: {}, date: '2024-04-02' })).toBe(
      'acme-outfitters-shopline-payments_all-transactions_2024-04-02.csv',
    );
    expect(
      exportFileName({
        accountLabel: label,
        filters: { type: ['payment', 'refund'], payout_status: 'in_progress', from: '2024-03-01', to: '2024-03-31' },
        date: '2024-04-02',
      }),
    ).toBe('acme-outfitters-shopline-payments_payment+refund_payout-in-progress_2024-03-01-to-2024-03-31_2024-04-02.csv');
  });

  it('names a payout and open-ended ranges', () => {
    expect(exportFileName({ accountLabel: label, filters: { payout_id: '2022061617' }, date: '2024-04-02' })).toBe(
      'acme-outfitters-shopline-payments_payout-2022061617_2024-04-02.csv',
    );
    expect(exportFileName({ accountLabel: 'X', filters: { from: '2024-03-01' }, date: 'd' })).toBe('x_from-2024-03-01_d.csv');
    expect(exportFileName({ accountLabel: 'X', filters: { to: '2024-03-01' }, date: 'd' })).toBe('x_until-2024-03-01_d.csv');
    expect(exportFileName({ accountLabel: 'X', filters: { from: '2024-03-01', to: '2024-03-01' }, date: 'd' })).toBe('x_2024-03-01_d.csv');
  });

  it('keeps the name ASCII and safe whatever the label holds', () => {
    expect(exportFileName({ accountLabel: 'Zürich/../"shop" €', filters: {}, date: '2024-04-02' })).toBe(
      'zurich-shop_all-transactions_2024-04-02.csv',
    );
    expect(exportFileName({ accountLabel: '***', filters: {}, date: '2024-04-02' })).toBe('account_all-transactions_2024-04-02.csv');
  });

  it('dates the file in the organization’s zone', () => {
    const now = new Date('2024-04-02T02:00:00Z');
    expect(dateIn('America/New_York', now)).toBe('2024-04-01');
    expect(dateIn('Europe/Berlin', now)).toBe('2024-04-02');
  });
});

describe('Content-Disposition', () => {
  it('round-trips the name through the header', () => {
    const name = 'acme_all-transactions_2024-04-02.csv';
    expect(contentDisposition(name)).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
    expect(fileNameFromDisposition(contentDisposition(name))).toBe(name);
    expect(fileNameFromDisposition('attachment; filename="plain.csv"')).toBe('plain.csv');
    expect(fileNameFromDisposition(null)).toBeNull();
  });
});

describe('describeFilters and timestampZone', () => {
  it('says what an export selects in words', () => {
    expect(describeFilters({})).toBe('All transactions');
    expect(describeFilters({ payout_id: '42' })).toBe('Payout 42');
    expect(describeFilters({ type: ['payment', 'refund'], payout_status: 'accepted_by_bank', from: '2024-03-01', to: '2024-03-31' })).toBe(
      'Types: payment, refund · Payout status: accepted by bank · 2024-03-01 to 2024-03-31',
    );
    expect(describeFilters({ to: '2024-03-31' })).toBe('Until 2024-03-31');
  });

  it('resolves the timestamps option to a zone', () => {
    expect(timestampZone('merchant', 'America/New_York')).toBe('America/New_York');
    expect(timestampZone('utc', 'America/New_York')).toBe('UTC');
    expect(timestampZone('Asia/Tokyo', 'America/New_York')).toBe('Asia/Tokyo');
  });
});
