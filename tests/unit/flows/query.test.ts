import { describe, expect, it } from 'vitest';
import { refusalMessage } from '../../support/refusal';
import { parseQuery } from '@/lib/http/handler';
import { resolvePeriod } from '@/lib/flows/period';
import { dateIn } from '@/lib/time/dates';
import { flowsQuerySchema } from '@/lib/flows/query';
import { parseFlowsSearchParams, toFlowsSearchParams } from '@/lib/flows/query-url';

const parse = (search: string) => parseQuery(flowsQuerySchema, new URLSearchParams(search));
const CONN = 'conn_0123456789abcdef0123456789abcdef';

const refusal = (search: string) => refusalMessage(() => parse(search), search);

describe('flowsQuerySchema (server, strict)', () => {
  it('defaults to the last 30 days of all accounts, in the main currency', () => {
    expect(parse('')).toEqual({ range: { period: '30d' }, account: 'all' });
  });

  it('reads a preset, a currency and an account', () => {
    expect(parse(`period=90d&currency=JPY&account=${CONN}`)).toEqual({ range: { period: '90d' }, currency: 'JPY', account: CONN });
  });

  it('reads a custom range', () => {
    expect(parse('from=2026-01-01&to=2026-03-31&account=all')).toEqual({ range: { from: '2026-01-01', to: '2026-03-31' }, account: 'all' });
  });

  it.each([
    ['period=14d', 'period'],
    ['currency=usd', 'currency'],
    ['currency=XXX', 'currency'],
    ['account=conn_nope', 'account'],
    ['from=2026-02-30&to=2026-03-01', 'from'],
    ['from=2026-03-01', 'to'],
    ['to=2026-03-01', 'from'],
    ['from=2026-03-02&to=2026-03-01', 'from'],
    ['from=2025-01-01&to=2026-03-01', 'from'],
    ['period=7d&from=2026-03-01&to=2026-03-02', 'period'],
    ['tz=UTC', 'tz'],
  ])('refuses %s naming "%s"', (search, name) => {
    expect(refusal(search)).toContain(`"${name}"`);
  });
});

describe('parseFlowsSearchParams (browser, lenient)', () => {
  it('falls back to defaults for bad values', () => {
    expect(parseFlowsSearchParams(new URLSearchParams('period=1y&currency=usd&account=x'))).toEqual({
      range: { period: '30d' },
      account: 'all',
    });
  });

  it('drops a reversed range', () => {
    expect(parseFlowsSearchParams({ from: '2026-03-02', to: '2026-03-01', period: '7d' }).range).toEqual({ period: '7d' });
  });

  it('round-trips through the URL in a stable order', () => {
    const query = parseFlowsSearchParams(new URLSearchParams(`account=${CONN}&currency=CAD&to=2026-03-31&from=2026-03-01`));
    expect(toFlowsSearchParams(query).toString()).toBe(`from=2026-03-01&to=2026-03-31&currency=CAD&account=${CONN}`);
    expect(parse(toFlowsSearchParams(query).toString())).toEqual(query);
  });
});

describe('resolvePeriod', () => {
  const now = new Date('2026-03-09T03:30:00Z');

  it('counts presets back from today in the time zone', () => {
    expect(dateIn('America/New_York', now)).toBe('2026-03-08');
    expect(dateIn('Europe/Berlin', now)).toBe('2026-03-09');
    expect(resolvePeriod({ period: '7d' }, 'America/New_York', now)).toEqual({
      from: '2026-03-02',
      to: '2026-03-08',
      days: 7,
      granularity: 'day',
      closed: false,
    });
    expect(resolvePeriod({ period: '90d' }, 'Europe/Berlin', now)).toMatchObject({ from: '2025-12-10', days: 90, granularity: 'week' });
  });

  it('draws 60 days per day and 61 per week', () => {
    expect(resolvePeriod({ from: '2026-01-01', to: '2026-03-01' }, 'UTC', now)).toMatchObject({ days: 60, granularity: 'day' });
    expect(resolvePeriod({ from: '2026-01-01', to: '2026-03-02' }, 'UTC', now)).toMatchObject({ days: 61, granularity: 'week' });
  });

  it('calls a period closed only when it ends before today in the zone', () => {
    expect(resolvePeriod({ from: '2026-03-01', to: '2026-03-08' }, 'America/New_York', now).closed).toBe(false);
    expect(resolvePeriod({ from: '2026-03-01', to: '2026-03-08' }, 'Europe/Berlin', now).closed).toBe(true);
  });
});
