'use client';

import { useRef, useState } from 'react';

const MOVES: Record<string, (index: number, last: number) => number> = {
  ArrowDown: (i, last) => Math.min(i + 1, last),
  ArrowUp: (i) => Math.max(i - 1, 0),
  Home: () => 0,
  End: (_, last) => last,
  PageDown: (i, last) => Math.min(i + 10, last),
  PageUp: (i) => Math.max(i - 10, 0),
};

/** A click anywhere on a row opens it, except on its own links and buttons or while selecting text. */
function isPlainRowClick(event: React.MouseEvent<HTMLTableRowElement>): boolean {
  const target = event.target as HTMLElement;
  return !target.closest('a, button') && !window.getSelection()?.toString();
}

/**
 * One tab stop for a table: only the active row is tabbable, arrow keys move between rows
 * (roving tabindex), Left/Right scroll the table's own region sideways.
 */
export function useRovingRows(count: number, onOpen: (index: number) => void, firstKey?: string) {
  // Another page of rows (its first row differs) starts again at its first row, not at the old position.
  const [state, setState] = useState({ active: 0, firstKey });
  const active = state.firstKey === firstKey ? state.active : 0;
  const setActive = (index: number) => setState({ active: index, firstKey });
  const body = useRef<HTMLTableSectionElement>(null);
  const current = Math.min(active, Math.max(count - 1, 0));

  const rowProps = (index: number) => ({
    tabIndex: index === current ? 0 : -1,
    onFocus: () => setActive(index),
    onClick: (event: React.MouseEvent<HTMLTableRowElement>) => isPlainRowClick(event) && onOpen(index),
    onKeyDown: (event: React.KeyboardEvent<HTMLTableRowElement>) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        return onOpen(index);
      }
      if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
        const region = event.currentTarget.closest<HTMLElement>('[role="region"]');
        region?.scrollBy({ left: event.key === 'ArrowLeft' ? -120 : 120 });
        return event.preventDefault();
      }
      const move = MOVES[event.key];
      if (!move) return;
      event.preventDefault();
      const next = move(index, count - 1);
      setActive(next);
      body.current?.querySelectorAll<HTMLTableRowElement>(':scope > tr')[next]?.focus();
    },
  });

  return { body, rowProps };
}
