'use client';

import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';
import { exportFiltersOf } from '@/lib/exports/filters';
import type { TransactionsQuery } from '@/lib/list-query/transactions-url';

// The dialog's code (options form, job progress, its schemas) loads when the button is near use, not with
// the page: on hover, focus or touch, and at the latest on the click that opens it.
const loadDialog = () => import('./export-dialog').then((m) => m.ExportDialog);
const ExportDialog = dynamic(loadDialog, { ssr: false, loading: () => null });
const preload = () => void loadDialog();

export type ExportButtonProps = {
  readonly connectionId: string;
  /** The organization's zone, shown next to "Merchant time"; optional. */
  readonly merchantTimeZone?: string;
} & (
  | { readonly kind: 'transactions'; readonly query: TransactionsQuery }
  | { readonly kind: 'payout'; readonly payoutId: string }
);

/** "Export": every row matching the view's filters (or the payout's rows), chosen and followed in a dialog. */
export function ExportButton(props: ExportButtonProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // The dialog unmounts rather than closes, so focus goes back to the button once it is gone.
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const filters = props.kind === 'payout' ? { payout_id: props.payoutId } : exportFiltersOf(props.query);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="btn"
        onPointerEnter={preload}
        onFocus={preload}
        onTouchStart={preload}
        onClick={() => setOpen(true)}
      >
        Export
      </button>
      {open && (
        <ExportDialog
          connectionId={props.connectionId}
          filters={filters}
          merchantTimeZone={props.merchantTimeZone ?? null}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
