/** Calendar periods of the flow charts: preset or custom, cut in the organization's time zone; isomorphic. */

import { dateIn, daysInRange, shiftDate } from '@/lib/time/dates';

export { daysInRange };

export const PRESET_PERIODS = ['7d', '30d', '90d'] as const;
export type PresetPeriod = (typeof PRESET_PERIODS)[number];
export const DEFAULT_PERIOD: PresetPeriod = '30d';
export const PRESET_DAYS: Readonly<Record<PresetPeriod, number>> = { '7d': 7, '30d': 30, '90d': 90 };

/** Longest custom range; a year of a busy account is still one bounded walk. */
export const MAX_RANGE_DAYS = 366;
/** Ranges longer than this are drawn per week (Monday to Sunday) instead of per day. */
export const WEEKLY_AFTER_DAYS = 60;

export type Granularity = 'day' | 'week';

export type PeriodChoice = { readonly period: PresetPeriod } | { readonly from: string; readonly to: string };

export interface ResolvedPeriod {
  /** Inclusive calendar dates in the time zone. */
  readonly from: string;
  readonly to: string;
  readonly days: number;
  readonly granularity: Granularity;
  /** The whole period lies before today in the time zone, so its figures can no longer change. */
  readonly closed: boolean;
}

/** `date` moved by whole days; a RangeError past year 9999 rather than a date that sorts wrong. */
export const addDays = shiftDate;

/** 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function granularityFor(days: number): Granularity {
  return days > WEEKLY_AFTER_DAYS ? 'week' : 'day';
}

/** A preset means the last N days up to and including today in the time zone. */
export function resolvePeriod(choice: PeriodChoice, timeZone: string, now: Date): ResolvedPeriod {
  const today = dateIn(timeZone, now);
  const from = 'period' in choice ? addDays(today, 1 - PRESET_DAYS[choice.period]) : choice.from;
  const to = 'period' in choice ? today : choice.to;
  const days = daysInRange(from, to);
  return { from, to, days, granularity: granularityFor(days), closed: to < today };
}
