'use client';

import { useTimeZone } from './time-zone';

/** "(Europe/Paris)" after a column heading: the zone its times are in. */
export function ZoneLabel() {
  return <span className="payouts-tz">({useTimeZone()})</span>;
}
