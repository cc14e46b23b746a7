'use client';

import { useTimeZone } from './time-zone';
import { ZonedDate } from './zoned-date';

/**
 * A moment ("Last updated", "As of", an export's start) in the organization's zone, the one date-time
 * format of the app; the same text on the server and in the browser, so hydration never differs.
 * `withDate` is kept for existing callers: the date is always shown.
 */
export function LocalTime({ iso, zoneLabel = false, withSeconds = true }: { iso: string; withDate?: boolean; zoneLabel?: boolean; withSeconds?: boolean }) {
  const timeZone = useTimeZone();
  return (
    <>
      <ZonedDate iso={iso} timeZone={timeZone} withSeconds={withSeconds} />
      {zoneLabel && <span className="faint"> ({timeZone})</span>}
    </>
  );
}
