'use client';

import { useState } from 'react';
import { useToast } from './toast';

/** Copies a value; says "Copied" only when the clipboard took it, and "Copy failed" (with a toast) when not. */
export function CopyButton({ value, label, tabIndex }: { value: string; label: string; tabIndex?: number }) {
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  const toast = useToast();
  return (
    <button
      type="button"
      className="btn btn-ghost btn-small"
      tabIndex={tabIndex}
      aria-label={`Copy ${label}`}
      onClick={async () => {
        const copied = await (navigator.clipboard?.writeText(value).then(() => true) ?? Promise.resolve(false)).catch(() => false);
        setOutcome(copied ? 'copied' : 'failed');
        if (!copied) toast(`Could not copy the ${label}: the browser refused the clipboard. Select the text and copy it instead.`, 'danger');
        setTimeout(() => setOutcome(null), 1500);
      }}
    >
      {outcome === 'copied' ? 'Copied' : outcome === 'failed' ? 'Copy failed' : 'Copy'}
    </button>
  );
}
