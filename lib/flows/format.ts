import type { FlowBucketDto } from './schema';

/**
 * Labels of calendar dates (already cut in the organization's zone), written as Intl's en-US formats and
 * ranges write them ("Mar 8", "Sun, Mar 8, 2026", "Mar 2 – 8, 2026", "Dec 29, 2025 – Jan 4, 2026"), with
 * plain spaces round the dash: Node's and the browser's ICU space ranges differently, and the server's text
 * must equal the browser's or React's hydration fails (#418). Written by hand, not by Intl, so that a page
 * with flows does not start the browser's ICU while it loads (lib/format/numbers).
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

interface Day {
  readonly year: number;
  readonly month: string;
  readonly day: number;
  readonly weekday: string;
}

function dayOf(date: string): Day {
  const at = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) throw new RangeError(`not a date: ${date}`);
  return { year: at.getUTCFullYear(), month: MONTHS[at.getUTCMonth()]!, day: at.getUTCDate(), weekday: WEEKDAYS[at.getUTCDay()]! };
}

const short = (d: Day) => `${d.month} ${d.day}`;
const medium = (d: Day) => `${short(d)}, ${d.year}`;
const long = (d: Day) => `${d.weekday}, ${medium(d)}`;
const STYLES = { short, medium, long } as const;

/** "Mar 8 – 9", "Mar 30 – Apr 5"; across years the years are written ("Dec 29, 2025 – Jan 4, 2026"). */
function shortRange(a: Day, b: Day): string {
  if (a.year !== b.year) return `${medium(a)} – ${medium(b)}`;
  if (a.month !== b.month) return `${short(a)} – ${short(b)}`;
  return a.day === b.day ? short(a) : `${short(a)} – ${b.day}`;
}

/** "Mar 2 – 8, 2026", "Mar 30 – Apr 5, 2026", "Dec 29, 2025 – Jan 4, 2026"; one day is "Mar 8, 2026". */
function mediumRange(a: Day, b: Day): string {
  if (a.year !== b.year) return `${medium(a)} – ${medium(b)}`;
  if (a.month !== b.month) return `${short(a)} – ${short(b)}, ${a.year}`;
  return a.day === b.day ? medium(a) : `${short(a)} – ${b.day}, ${a.year}`;
}

export function formatDate(date: string, style: keyof typeof STYLES = 'medium'): string {
  return STYLES[style](dayOf(date));
}

/** "Mar 8" for a day, "Mar 2 – 8" or "Mar 30 – Apr 5" for a week: the axis label. */
export function bucketLabel(bucket: Pick<FlowBucketDto, 'start' | 'end'>): string {
  if (bucket.start === bucket.end) return short(dayOf(bucket.start));
  return shortRange(dayOf(bucket.start), dayOf(bucket.end));
}

/** "Sun, Mar 8, 2026" or "Mar 2 – 8, 2026": tooltips and table rows. */
export function bucketTitle(bucket: Pick<FlowBucketDto, 'start' | 'end'>): string {
  if (bucket.start === bucket.end) return long(dayOf(bucket.start));
  return mediumRange(dayOf(bucket.start), dayOf(bucket.end));
}

export function periodTitle(from: string, to: string): string {
  return mediumRange(dayOf(from), dayOf(to));
}
