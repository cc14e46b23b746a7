'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * Renders its chart only once the placeholder is in the viewport and the browser is idle, so chart code
 * (Recharts: its download, a long task to draw) never runs in the page's first main-thread window when the
 * chart starts below the fold, as on a phone, and waits for idle when it does not (Total Blocking Time).
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
        const show = () => setReady(true);
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
