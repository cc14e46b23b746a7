'use client';

import { useEffect, useRef, useState } from 'react';
import { exportFiltersOf } from '@/lib/exports/filters';
import type { TransactionsQuery } from '@/lib/list-query/transactions';
import { ExportDialog } from './export-dialog';

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
      <button ref={button} type="button" className="btn" onClick={() => setOpen(true)}>
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
