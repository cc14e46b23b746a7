'use client';

import { useEffect, useState } from 'react';

/** "GenPayment, SHOPLINE Payments and NeoX" */
export function listNames(names: readonly string[]): string {
  const unique = [...new Set(names)];
  if (unique.length <= 1) return unique[0] ?? 'the providers';
  return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}

/**
 * Says whom we are waiting for once a load takes longer than a moment: a provider's spent budget
 * makes a request wait its turn, which is not an error.
 */
export function WaitingHint({ active, providers, delayMs = 1_500 }: { active: boolean; providers: readonly string[]; delayMs?: number }) {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => setSlow(true), delayMs);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [active, delayMs]);
  if (!active || !slow) return null;
  return (
    <p className="muted" role="status" style={{ margin: 0 }}>
      <span className="spin" aria-hidden /> Waiting for {listNames(providers)}… Requests wait their turn within each
      provider&apos;s rate limit.
    </p>
  );
}
