'use client';

import { useEffect, useRef } from 'react';

/** A disclosure menu (<details>) that also closes on Escape (focus back on its button) and on a click outside. */
export function Menu({ summary, summaryProps, children }: {
  summary: React.ReactNode;
  summaryProps?: React.HTMLAttributes<HTMLElement>;
  children: React.ReactNode;
}) {
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const element = details.current;
    if (!element) return;
    const close = (refocus: boolean) => {
      if (!element.open) return;
      element.open = false;
      if (refocus) element.querySelector('summary')?.focus();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && element.open) {
        event.preventDefault();
        close(true);
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (!element.contains(event.target as Node)) close(false);
    };
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget instanceof Node && !element.contains(event.relatedTarget)) close(false);
    };
    element.addEventListener('keydown', onKey);
    element.addEventListener('focusout', onFocusOut);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      element.removeEventListener('keydown', onKey);
      element.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, []);
  return (
    <details className="menu" ref={details}>
      <summary className="btn" {...summaryProps}>
        {summary}
      </summary>
      {children}
    </details>
  );
}
