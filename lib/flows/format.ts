import type { FlowBucketDto } from './schema';

/** Labels of calendar dates (already cut in the organization's zone), so formatted in UTC to keep the day. */

const formats = {
  short: new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' }),
  long: new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' }),
  medium: new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric', year: 'numeric' }),
};

const at = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * ICU versions space ranges differently (thin or no-break spaces around the dash); Node's and the
 * browser's differ, and the server's text must equal the browser's or React's hydration fails (#418).
 */
const plain = (text: string) => text.replace(/[\u2009\u202f\u00a0]/g, ' ');

export function formatDate(date: string, style: keyof typeof formats = 'medium'): string {
  return formats[style].format(at(date));
}

/** "Mar 8" for a day, "Mar 2 – 8" or "Mar 30 – Apr 5" for a week: the axis label. */
export function bucketLabel(bucket: Pick<FlowBucketDto, 'start' | 'end'>): string {
  if (bucket.start === bucket.end) return formats.short.format(at(bucket.start));
  return plain(formats.short.formatRange(at(bucket.start), at(bucket.end)));
}

/** "Sun, Mar 8, 2026" or "Mar 2 – 8, 2026": tooltips and table rows. */
export function bucketTitle(bucket: Pick<FlowBucketDto, 'start' | 'end'>): string {
  if (bucket.start === bucket.end) return formats.long.format(at(bucket.start));
  return plain(formats.medium.formatRange(at(bucket.start), at(bucket.end)));
}

export function periodTitle(from: string, to: string): string {
  return plain(formats.medium.formatRange(at(from), at(to)));
}
