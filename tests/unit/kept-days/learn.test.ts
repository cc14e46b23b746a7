import { describe, expect, it } from 'vitest';
import type { BalanceTransaction } from '@/lib/domain/transaction';
import { DayLearner, PageDays, type ListStart } from '@/lib/kept-days/learn';
import { DayLedger } from '@/lib/kept-days/ledger';
import { tx } from '../flows/support';

const ZONE = 'America/New_York';
const HEAD: ListStart = { kind: 'head' };
// Newest first; 2026-03-08 is 23 hours long in New York; 03-04 and 03-05 have no rows.
const ROWS = [
  tx({ type: 'payment', amount: '10.00', time: '2026-03-10T08:00:00-04:00' }),
  tx({ type: 'payout', amount: '-50.00', time: '2026-03-09T00:00:00-04:00' }),
  tx({ type: 'payment', amount: '999.00', fee: '-1.00', currency: 'CAD', time: '2026-03-08T23:59:59-04:00' }),
  tx({ type: 'other', rawType: 'fee_reversed', amount: '0.00', fee: '0.37', time: '2026-03-08T03:00:00-04:00' }),
  tx({ type: 'refund', amount: '-25.50', time: '2026-03-08T00:00:00-05:00' }),
  tx({ type: 'accounting_adjustment', amount: '-1.01', time: '2026-03-07T23:59:59-05:00' }),
  tx({ type: 'payment', amount: '100.00', fee: '-3.20', time: '2026-03-07T00:00:00-05:00' }),
  tx({ type: 'payment', amount: '5.00', time: '2026-03-06T12:00:00-05:00' }),
  tx({ type: 'payment', amount: '7.00', time: '2026-03-03T12:00:00-05:00' }),
  tx({ type: 'refund', amount: '-7.00', time: '2026-03-02T12:00:00-05:00' }),
];

/** What the flows walk keeps for [from, to]: a DayLedger over every row. */
function flowsDays(from: string, to: string, rows: readonly BalanceTransaction[] = ROWS) {
  const ledger = new DayLedger(from, to, ZONE);
  for (const row of rows) ledger.add(row, Date.parse(row.transactionTime));
  return ledger.result();
}

/** The rows as provider pages of `size`, cursors "p1", "p2"...; the last page ends the list when `ends`. */
function pages(rows: readonly BalanceTransaction[], size: number, ends: boolean) {
  const out: { cursor: string | null; items: BalanceTransaction[]; nextCursor: string | null }[] = [];
  for (let at = 0; at < rows.length; at += size) {
    const last = at + size >= rows.length;
    out.push({ cursor: at === 0 ? null : `p${at}`, items: rows.slice(at, at + size), nextCursor: last && ends ? null : `p${at + size}` });
  }
  return out;
}

function learn(learner: DayLearner, list: ReturnType<typeof pages>, start: ListStart = HEAD) {
  for (const page of list) learner.page(page.cursor, start, page);
  return [...learner.days()].sort((a, b) => (a.day < b.day ? -1 : 1));
}

describe('DayLearner', () => {
  it('keeps every settled day seen between newer and older rows exactly as the flows walk does, empty days included', () => {
    const learned = learn(new DayLearner(ZONE, '2026-03-09'), pages(ROWS, 3, false));
    // 03-02 may have older rows on the next page; 03-10 is in the settle window.
    expect(learned).toEqual(flowsDays('2026-03-03', '2026-03-09'));
    expect(learned.find((day) => day.day === '2026-03-04')?.rows).toBe(0);
  });

  it('keeps the oldest day when the list ends, and the empty days from the head down to the first row', () => {
    const learned = learn(new DayLearner(ZONE, '2026-03-12'), pages(ROWS, 4, true));
    expect(learned).toEqual(flowsDays('2026-03-02', '2026-03-12'));
  });

  it('does not keep the first day of a page that does not follow the one read before', () => {
    const learner = new DayLearner(ZONE, '2026-03-09');
    const list = pages(ROWS, 3, false).slice(1);
    expect(learn(learner, list)).toEqual(flowsDays('2026-03-03', '2026-03-07'));
  });

  it('finishes the day a walk left open when the next walk goes on at its cursor, and only then', () => {
    const list = pages(ROWS, 3, false);
    const first = new DayLearner(ZONE, '2026-03-09');
    learn(first, list.slice(0, 2));
    const stretch = first.carry();
    expect(stretch?.cursor).toBe('p6');
    const goesOn = new DayLearner(ZONE, '2026-03-09');
    if (stretch) goesOn.resume(stretch);
    const both = [...first.days(), ...learn(goesOn, list.slice(2))].sort((a, b) => (a.day < b.day ? -1 : 1));
    expect(both).toEqual(flowsDays('2026-03-03', '2026-03-09'));

    const fresh = learn(new DayLearner(ZONE, '2026-03-09'), list.slice(2));
    expect(fresh.map((day) => day.day)).not.toContain('2026-03-07');
    expect(both.map((day) => day.day)).toContain('2026-03-07');
  });

  it('after a since_id start, keeps the first day only when the start row lies in a later day', () => {
    const rows = ROWS.slice(2);
    const later: ListStart = { kind: 'after', atMs: Date.parse('2026-03-09T00:00:00-04:00') };
    expect(learn(new DayLearner(ZONE, '2026-03-09'), pages(rows, 3, false), later)).toEqual(flowsDays('2026-03-03', '2026-03-08'));
    const sameDay: ListStart = { kind: 'after', atMs: Date.parse('2026-03-08T23:59:59.500-04:00') };
    expect(learn(new DayLearner(ZONE, '2026-03-09'), pages(rows, 3, false), sameDay)).toEqual(flowsDays('2026-03-03', '2026-03-07'));
  });

  it('keeps nothing when the rows come out of time order, or a time cannot be read', () => {
    const swapped = [ROWS[0], ROWS[5], ROWS[2], ...ROWS.slice(6)].filter((row) => row !== undefined);
    expect(learn(new DayLearner(ZONE, '2026-03-12'), pages(swapped, 3, true))).toEqual([]);
    const unreadable = ROWS.map((row, i) => (i === 6 ? { ...row, transactionTime: 'soon' } : row));
    expect(learn(new DayLearner(ZONE, '2026-03-12'), pages(unreadable, 3, true))).toEqual([]);
  });

  it('keeps at most its bound of days per walk, however long a gap, the days with rows first', () => {
    const gap = [ROWS[0], tx({ type: 'payment', amount: '1.00', time: '2020-01-01T12:00:00-05:00' })].filter((row) => row !== undefined);
    const learned = new DayLearner(ZONE, '2026-03-09', 50);
    learn(learned, pages(gap, 1, true));
    expect(learned.days()).toHaveLength(50);
    expect(learned.days().filter((day) => day.rows > 0).map((day) => day.day)).toEqual(['2020-01-01']);

    // Years of empty days between the head and the newest row.
    const late = new DayLearner(ZONE, '2030-01-01', 50);
    const days = learn(late, pages(ROWS, 4, true));
    expect(days).toHaveLength(50);
    const withRows = new Set(flowsDays('2026-03-02', '2026-03-10').filter((day) => day.rows > 0).map((day) => day.day));
    expect(days.filter((day) => withRows.has(day.day))).toEqual(flowsDays('2026-03-02', '2026-03-10').filter((day) => withRows.has(day.day)));
  });

  it('learns the same from pages counted row by row as they are read, then given in the walk’s order', () => {
    for (const size of [1, 2, 3, 4, 10]) {
      const learner = new DayLearner(ZONE, '2026-03-12');
      for (const page of pages(ROWS, size, true)) {
        const days = new PageDays(ZONE);
        for (const row of page.items) days.add(row);
        days.end(page.nextCursor);
        learner.pageDays(page.cursor, HEAD, days);
      }
      expect([...learner.days()].sort((a, b) => (a.day < b.day ? -1 : 1))).toEqual(flowsDays('2026-03-02', '2026-03-12'));
    }
  });

  it('counts a page read again from its start once, and learns nothing from a page not read to its end', () => {
    const [first, second, ...rest] = pages(ROWS, 3, true);
    const learner = new DayLearner(ZONE, '2026-03-12');
    const retried = new PageDays(ZONE);
    for (const row of first?.items.slice(0, 2) ?? []) retried.add(row);
    retried.restart();
    for (const row of first?.items ?? []) retried.add(row);
    retried.end(first?.nextCursor ?? null);
    learner.pageDays(null, HEAD, retried);
    // The second page failed midway: the walk goes on at its cursor, so the third does not follow a page read.
    const failed = new PageDays(ZONE);
    for (const row of second?.items.slice(0, 1) ?? []) failed.add(row);
    learner.pageDays(second?.cursor ?? null, HEAD, failed);
    for (const page of rest) learner.page(page.cursor, HEAD, page);
    const learned = [...learner.days()].sort((a, b) => (a.day < b.day ? -1 : 1));
    // 03-08 (the first page's last day) and 03-07 (the third page's first day) were not seen whole.
    const whole = flowsDays('2026-03-02', '2026-03-12');
    expect(learned).toEqual(whole.filter((day) => day.day !== '2026-03-08' && day.day !== '2026-03-07'));
  });

  it('hands out each day once as the walk goes, those with rows as they close and the empty ones at its end', () => {
    const whole = new DayLearner(ZONE, '2026-03-12');
    learn(whole, pages(ROWS, 2, true));
    const going = new DayLearner(ZONE, '2026-03-12');
    const taken = [];
    for (const page of pages(ROWS, 2, true)) {
      going.page(page.cursor, HEAD, page);
      const days = going.take(false);
      expect(days.every((day) => day.rows > 0)).toBe(true);
      taken.push(...days);
    }
    expect(taken.length).toBeGreaterThan(3);
    taken.push(...going.take(true));
    expect(going.take(false)).toEqual([]);
    expect(taken).toEqual(whole.days());
  });

  it('counts a page only to the first row older than the view: that row closes the day before it, its own day stays open', () => {
    const learner = new DayLearner(ZONE, '2026-03-12');
    const viewFromMs = Date.parse('2026-03-07T00:00:00-05:00');
    for (const page of pages(ROWS, 4, true)) {
      const days = new PageDays(ZONE, viewFromMs);
      for (const row of page.items) days.add(row);
      days.end(page.nextCursor);
      learner.pageDays(page.cursor, HEAD, days);
    }
    // 03-06 holds the first older row; 03-03 and 03-02 lie past it, although the list ends on the last page.
    expect([...learner.days()].sort((a, b) => (a.day < b.day ? -1 : 1))).toEqual(flowsDays('2026-03-07', '2026-03-12'));
  });
});
