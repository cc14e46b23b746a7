'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { COLUMNS, DEFAULT_VISIBLE } from './columns';

const KEY = 'fundsight.transactions.columns';
const listeners = new Set<() => void>();
const known = new Set(COLUMNS.map((c) => c.id));

function read(): string {
  return window.localStorage.getItem(KEY) ?? DEFAULT_VISIBLE.join(',');
}

/** The chosen columns, remembered in this browser; the server renders the defaults. */
export function useVisibleColumns(): [string[], (ids: string[]) => void] {
  const stored = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    read,
    () => DEFAULT_VISIBLE.join(','),
  );
  const set = useCallback((ids: string[]) => {
    window.localStorage.setItem(KEY, ids.join(','));
    listeners.forEach((listener) => listener());
  }, []);
  return [stored.split(',').filter((id) => known.has(id)), set];
}
