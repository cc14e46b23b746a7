'use client';

import { createContext, useContext } from 'react';
import { rememberZoneOffsets, type ZoneOffsets } from '@/lib/domain/zone-offsets';

/** The organization's time zone: every date on every page is shown in it, on the server and in the browser alike. */
const TimeZoneContext = createContext<string>('UTC');

/**
 * `offsets`, the zone's table from the server, lets the browser format dates without starting Intl while the
 * page hydrates (lib/domain/zone-offsets). It is kept as the provider renders, before any date below it does;
 * keeping it again is a no-op, and a date outside it is still formatted, by Intl.
 */
export function TimeZoneProvider({ timeZone, offsets, children }: { timeZone: string; offsets?: ZoneOffsets; children: React.ReactNode }) {
  if (offsets?.timeZone === timeZone) rememberZoneOffsets(offsets);
  return <TimeZoneContext.Provider value={timeZone}>{children}</TimeZoneContext.Provider>;
}

export function useTimeZone(): string {
  return useContext(TimeZoneContext);
}
