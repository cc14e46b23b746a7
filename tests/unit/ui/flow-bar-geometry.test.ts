import { describe, expect, it } from 'vitest';
import { axisFormatter, dayReadout, daySeries, placeLabels, stackRow, toRows, valueTicks } from '@/components/flows/bar-geometry';
import type { FlowBucketDto } from '@/lib/flows/schema';
import { SERIES_KEYS, type SeriesKey } from '@/lib/flows/series';

function bucket(day: string, series: Partial<Record<SeriesKey, string>>): FlowBucketDto {
  const all = Object.fromEntries(SERIES_KEYS.map((key) => [key, series[key] ?? '0.00'])) as Record<SeriesKey, string>;
  const net = Object.values(all).reduce((sum, value) => sum + Number(value), 0).toFixed(2);
  return { start: day, end: day, series: all, in: '0.00', out: '0.00', net, count: 1 };
}

describe('the bar chart drawn without chart code', () => {
  const rows = toRows([
    bucket('2026-11-03', { payments: '2600.00', transfers_in: '1100.00', fees: '-80.00', payouts: '-2300.00' }),
    bucket('2026-11-04', { payments: '4900.00', refunds: '-200.00', payouts: '-5100.00' }),
  ]);

  it('stacks money in upwards from zero and money out downwards, in series order', () => {
    expect(stackRow(rows[0]!, ['payments', 'transfers_in', 'fees', 'payouts'])).toEqual([
      { key: 'payments', from: 0, to: 2600 },
      { key: 'transfers_in', from: 2600, to: 3700 },
      { key: 'fees', from: 0, to: -80 },
      { key: 'payouts', from: -80, to: -2380 },
    ]);
  });

  it('leaves hidden series out of the stack and the axis, which still spans the net line (-400 on Nov 4)', () => {
    expect(stackRow(rows[0]!, ['payments', 'payouts']).map((s) => s.to)).toEqual([2600, -2300]);
    expect(valueTicks(rows, ['payments'])).toEqual([-2000, 0, 2000, 4000, 6000]);
  });

  it('has Recharts’ five nice ticks over the tallest stacks up and down', () => {
    expect(valueTicks(rows, ['payments', 'transfers_in', 'refunds', 'fees', 'payouts'])).toEqual([-6000, -3000, 0, 3000, 6000]);
  });

  it('labels the axis as the browser does, so the server’s first view hydrates without a mismatch', () => {
    const usd = axisFormatter('USD');
    expect([6000, -3000, 0, 1500, 250000].map(usd)).toEqual(['$6K', '-$3K', '$0', '$1.5K', '$250K']);
    expect(axisFormatter('CAD')(3000)).toBe('CA$3K');
  });

  it('shows every day label while the width is unknown, and only labels that fit with a gap once it is', () => {
    const labels = Array.from({ length: 30 }, (_, i) => `Nov ${i + 1}`);
    expect(placeLabels(labels, null).every((place) => place === 'centre')).toBe(true);
    const count = (places: string[]) => places.filter((place) => place !== 'hidden').length;
    const narrow = placeLabels(labels, 240);
    // The last label always shows, against the end where centred it would pass it.
    expect(narrow.at(-1)).toBe('end');
    expect(count(narrow)).toBeLessThan(8);
    const shown = narrow.flatMap((place, i) => (place === 'centre' ? [i] : []));
    const band = 240 / 30;
    const half = (i: number) => (labels[i]!.length * 12 * 0.47) / 2;
    for (const [a, b] of shown.slice(1).map((i, n) => [shown[n]!, i] as const)) {
      expect(band * (b - a) - half(a) - half(b)).toBeGreaterThanOrEqual(12);
    }
    expect(240 - 2 * half(29) - (band * (shown.at(-1)! + 0.5) + half(shown.at(-1)!))).toBeGreaterThanOrEqual(12);
    expect(count(placeLabels(labels, 1200))).toBeGreaterThan(count(narrow));
    expect(placeLabels(labels, 1200).at(-1)).toBe('centre');
  });
});

describe('a day read out by the keyboard readout and the tooltip', () => {
  const day = { ...bucket('2026-11-03', { payments: '2600.00', transfers_in: '1100.00', fees: '-80.05', payouts: '-2300.00' }), count: 1204 };

  it('lists the series shown in the legend that moved money that day, in series order', () => {
    expect(daySeries(day, new Set())).toEqual(['payments', 'transfers_in', 'fees', 'payouts']);
    expect(daySeries(day, new Set(['transfers_in', 'refunds']))).toEqual(['payments', 'fees', 'payouts']);
  });

  it('reads the exact amounts, the net and the count as one sentence', () => {
    expect(dayReadout(day, new Set(['payouts']), 'USD').replace(/\s/g, ' ')).toBe(
      'Tue, Nov 3, 2026: Payments USD 2,600.00; Transfers in USD 1,100.00; Fees -USD 80.05; Net USD 1,319.95; 1,204 transactions',
    );
    expect(dayReadout({ ...day, count: 1 }, new Set(), 'JPY')).toMatch(/; 1 transaction$/);
  });
});
