'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

/** A timestamp in the browser's timezone; the server renders the ISO form to avoid a mismatch. */
export function LocalTime({ iso, withDate = false }: { iso: string; withDate?: boolean }) {
  const text = useSyncExternalStore(
    subscribe,
    () =>
      new Date(iso).toLocaleString('en-US', {
        ...(withDate ? { year: 'numeric', month: 'short', day: 'numeric' } : {}),
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
    () => iso.replace('T', ' ').slice(0, 19) + ' UTC',
  );
  return <time dateTime={iso}>{text}</time>;
}
