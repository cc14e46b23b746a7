'use client';

import { startTransition, useEffect, useRef, useState } from 'react';

/**
 * Renders its chart only once the placeholder is in the viewport and the browser is idle: chart code
 * (Recharts: its download, a long task to draw) never runs for a chart below the fold, and waits for idle
 * otherwise; the render is a transition, which React may split to let input in (Total Blocking Time).
 */
export function Deferred({ placeholder, children }: { placeholder: React.ReactNode; children: React.ReactNode }) {
  const [ready, setReady] = useState(false);
  const anchor = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = anchor.current;
    if (!element || ready) return;
    let cancel = () => {};
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        const show = () => startTransition(() => setReady(true));
        if (typeof requestIdleCallback === 'function') {
          const id = requestIdleCallback(show, { timeout: 1500 });
          cancel = () => cancelIdleCallback(id);
        } else {
          const id = setTimeout(show, 200);
          cancel = () => clearTimeout(id);
        }
      },
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      cancel();
    };
  }, [ready]);
  return ready ? <>{children}</> : <div ref={anchor}>{placeholder}</div>;
}
