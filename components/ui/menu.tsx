'use client';

import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/** The page's margin a panel keeps from the screen's edges, in px. */
const MARGIN = 16;

/**
 * A disclosure menu: a button that says whether its panel is open (`aria-expanded`), the panel after it. It
 * closes on Escape (focus back on its button), on a click outside and when focus leaves it. A button, not
 * `<details>`: a screen reader (Orca on Chromium) announced a `<summary>`'s expanded state only on the next
 * key, where a button's `aria-expanded` is announced as it changes. The children are the panel's content.
 *
 * Escape from inside the panel collapses the button and focuses it first, and hides the panel two frames later:
 * hidden in the same frame, the panel's removal reached Orca before the focus did, and Orca said only "collapsed",
 * never where focus had landed ("Type All types collapsed push button").
 *
 * The panel's content is rendered only while it shows: kept in the page while hidden, the checkboxes came back on
 * each opening under a parent Orca had dropped, and from the fifth opening on a page Orca said nothing on them.
 */
export function Menu({ label, buttonProps, children }: {
  label: React.ReactNode;
  buttonProps?: React.ButtonHTMLAttributes<HTMLButtonElement>;
  children: React.ReactNode;
}) {
  const [open, setOpenState] = useState(false);
  // The panel shows while open, and for two frames after an Escape (see above).
  const [shown, setShown] = useState(false);
  const openRef = useRef(false);
  const setOpen = (next: boolean) => {
    openRef.current = next;
    setOpenState(next);
    setShown(next);
  };
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  // A panel that would open past the screen's right edge (a button at the right of a phone's row) moves left
  // until it fits, keeping the page's 16 px margin; never past the left one.
  useLayoutEffect(() => {
    const element = panel.current;
    if (!open || !element) return;
    element.style.translate = '';
    const { left, right } = element.getBoundingClientRect();
    const limit = document.documentElement.clientWidth - MARGIN;
    const shift = right > limit ? Math.min(right - limit, Math.max(0, left - MARGIN)) : 0;
    if (shift > 0) element.style.translate = `${-shift}px 0`;
  }, [open]);
  useEffect(() => {
    const element = root.current;
    if (!open || !element) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      openRef.current = false;
      flushSync(() => setOpenState(false));
      button.current?.focus();
      requestAnimationFrame(() => requestAnimationFrame(() => {
        if (!openRef.current) setShown(false);
      }));
    };
    const onPointer = (event: PointerEvent) => {
      if (!element.contains(event.target as Node)) setOpen(false);
    };
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget instanceof Node && !element.contains(event.relatedTarget)) setOpen(false);
    };
    element.addEventListener('keydown', onKey);
    element.addEventListener('focusout', onFocusOut);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      element.removeEventListener('keydown', onKey);
      element.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  return (
    <div className="menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="btn menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!openRef.current)}
        {...buttonProps}
      >
        {label}
      </button>
      <div ref={panel} id={panelId} className="menu-panel" hidden={!shown}>
        {shown && children}
      </div>
    </div>
  );
}
