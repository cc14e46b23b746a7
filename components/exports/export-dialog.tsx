'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { describeFilters } from '@/lib/exports/describe';
import { fileSink, memorySink, savePicker, type ExportSink } from '@/lib/exports/download';
import { exportFileName } from '@/lib/exports/file-name';
import { dateIn } from '@/lib/transactions/dates';
import { exportUrl, type ExportFilters } from '@/lib/exports/filters';
import { connectionsQueryOptions } from '@/lib/transactions/queries';
import styles from './export-dialog.module.css';
import { ExportOptionsForm } from './export-options-form';
import { ExportStatus } from './export-status';
import { useToast } from '@/components/ui/toast';
import { useExportRun } from './use-export-run';
import { browserTimeZone, toExportOptions, useExportSettings } from './use-export-settings';

interface Props {
  readonly connectionId: string;
  readonly filters: ExportFilters;
  readonly merchantTimeZone: string | null;
  readonly onClose: () => void;
}

/** Choose the file's shape, then download every matching row with progress; Escape cannot drop a running export. */
export function ExportDialog({ connectionId, filters, merchantTimeZone, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [settings, saveSettings] = useExportSettings();
  const { state, start, cancel, reset } = useExportRun();
  const connections = useQuery(connectionsQueryOptions());
  const label = connections.data?.connections.find((c) => c.id === connectionId)?.label ?? 'account';
  const fileName = exportFileName({ accountLabel: label, filters, date: dateIn(merchantTimeZone ?? browserTimeZone(), new Date()) });
  const picker = savePicker();
  const running = state.status === 'running';
  const toast = useToast();
  // An export that ends while the tab is in the background says so when the person comes back.
  useEffect(() => {
    if (document.visibilityState !== 'hidden') return;
    if (state.status === 'completed') toast(`Export ready: ${state.fileName}`, 'success');
    else if (state.status === 'failed') toast('The export failed; open the dialog for the details.', 'danger');
  }, [state, toast]);

  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
  }, []);

  const begin = async () => {
    const url = exportUrl(connectionId, filters, toExportOptions(settings));
    let sink: ExportSink = memorySink();
    if (settings.toDisk && picker) {
      // The picker needs the click's user activation, so it comes before any await.
      const handle = await picker({ suggestedName: fileName, types: [{ description: 'CSV file', accept: { 'text/csv': ['.csv'] } }] }).catch(
        () => null,
      );
      if (!handle) return;
      sink = fileSink(await handle.createWritable());
    }
    await start(url, fileName, sink);
  };

  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-labelledby="export-title"
      onCancel={(event) => {
        event.preventDefault();
        if (!running) onClose();
      }}
    >
      <div className="stack">
        <div className={styles.head}>
          <h2 id="export-title">Export CSV</h2>
          <span className="muted">{label}</span>
        </div>
        <p className="muted" style={{ margin: 0 }}>
          Every transaction matching <strong>{describeFilters(filters)}</strong>, across all pages, newest first.
        </p>
        {state.status === 'idle' ? (
          <ExportOptionsForm settings={settings} onChange={saveSettings} merchantTimeZone={merchantTimeZone} canSaveToDisk={picker !== null} />
        ) : (
          <ExportStatus state={state} />
        )}
        <div className="field">
          <span className="label">File</span>
          <span className={`mono ${styles.fileName}`}>{state.status === 'completed' ? state.fileName : fileName}</span>
        </div>
        <div className={styles.actions}>
          {running ? (
            // autoFocus: the button pressed is replaced, and focus must stay in the dialog.
            <button type="button" className="btn" onClick={cancel} autoFocus>
              Cancel export
            </button>
          ) : (
            <>
              <button type="button" className="btn" onClick={onClose}>
                Close
              </button>
              {state.status === 'idle' ? (
                <button type="button" className="btn btn-primary" disabled={settings.columns.length === 0} onClick={begin}>
                  Export
                </button>
              ) : (
                <button type="button" className="btn btn-primary" onClick={reset} autoFocus>
                  {state.status === 'completed' ? 'Another export' : 'Try again'}
                </button>
              )}
            </>
          )}
        </div>
      </div>
    </dialog>
  );
}
