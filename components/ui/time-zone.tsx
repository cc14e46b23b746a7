'use client';

import { createContext, useContext } from 'react';

/** The organization's time zone: every date on every page is shown in it, on the server and in the browser alike. */
const TimeZoneContext = createContext<string>('UTC');

export function TimeZoneProvider({ timeZone, children }: { timeZone: string; children: React.ReactNode }) {
  return <TimeZoneContext.Provider value={timeZone}>{children}</TimeZoneContext.Provider>;
}

export function useTimeZone(): string {
  return useContext(TimeZoneContext);
}
