'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { describeFilters } from '@/lib/exports/describe';
import { exportFileName } from '@/lib/exports/file-name';
import { exportUrl, type ExportFilters } from '@/lib/exports/filters';
import { isSettled } from '@/lib/exports/job-status';
import { dateIn } from '@/lib/time/dates';
import { connectionsQueryOptions } from '@/lib/connections/queries';
import styles from './export-dialog.module.css';
import { ExportOptionsForm } from './export-options-form';
import { JobProgress } from './job-progress';
import { followExport } from './export-watcher';
import { downloadFile, useExportJob, useJobAction } from './use-export-job';
import { browserTimeZone, toExportOptions, useExportSettings } from './use-export-settings';

interface Props {
  readonly connectionId: string;
  readonly filters: ExportFilters;
  readonly merchantTimeZone: string | null;
  readonly onClose: () => void;
}

/**
 * Choose the file, start the export on the server and follow it. Closing leaves it running (My exports
 * lists it, and a toast says when it is ready or failed); a file that is ready while the dialog is open
 * downloads by itself.
 */
export function ExportDialog({ connectionId, filters, merchantTimeZone, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [settings, saveSettings] = useExportSettings();
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useJobAction();
  const cancel = useJobAction();
  const job = useExportJob(jobId).data ?? (start.data?.id === jobId ? start.data : undefined);
  const downloaded = useRef<string | null>(null);
  const connections = useQuery(connectionsQueryOptions());
  const label = connections.data?.connections.find((c) => c.id === connectionId)?.label ?? 'account';
  const fileName = exportFileName({ accountLabel: label, filters, date: dateIn(merchantTimeZone ?? browserTimeZone(), new Date()), format: settings.format });

  const closed = useRef(false);
  // Read by Close, not from its render: a Close that lands after the server answered but before React drew the
  // answer must still follow the job (it was lost, and with it the toast, on a loaded machine).
  const startedId = useRef<string | null>(null);
  const settledId = useRef<string | null>(null);
  const progress = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
  }, []);

  // The Export button is gone once the job starts: focus goes to its progress, which is read out.
  useEffect(() => {
    if (jobId !== null) progress.current?.focus();
  }, [jobId]);

  useEffect(() => {
    if (job && isSettled(job.status)) settledId.current = job.id;
    if (job?.status === 'ready' && job.downloadUrl && downloaded.current !== job.id) {
      downloaded.current = job.id;
      downloadFile(job.downloadUrl);
    }
  }, [job]);

  const begin = () => {
    // The promise, not mutate's callbacks: those are dropped when the dialog was closed before the answer.
    start
      .mutateAsync(exportUrl(connectionId, filters, toExportOptions(settings)))
      .then((created) => {
        startedId.current = created.id;
        if (closed.current) followExport(created.id);
        else setJobId(created.id);
      })
      .catch(() => undefined); // shown from start.error
  };
  const active = job !== undefined && !isSettled(job.status);
  const close = () => {
    closed.current = true;
    const started = startedId.current;
    // Ended while the dialog was open, it was shown (and downloaded) here; otherwise a toast will say.
    if (started !== null && settledId.current !== started) followExport(started);
    onClose();
  };

  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-labelledby="export-title"
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <div className="stack">
        <div className={styles.head}>
          <h2 id="export-title">Export transactions</h2>
          <span className="muted">{label}</span>
        </div>
        <p className="muted" style={{ margin: 0 }}>
          Every transaction matching <strong>{describeFilters(filters)}</strong>, across all pages, newest first.
        </p>
        {job === undefined ? (
          <ExportOptionsForm settings={settings} onChange={saveSettings} merchantTimeZone={merchantTimeZone} />
        ) : (
          <div ref={progress} tabIndex={-1} className={styles.progress}>
            <JobProgress job={job} />
          </div>
        )}
        {start.error && (
          <div role="alert" aria-label="Export failed" className="alert alert-danger">
            <div>
              <div className="alert-title">The export could not start</div>
              <p>{start.error.message}</p>
            </div>
          </div>
        )}
        <div className="field">
          <span className="label">File</span>
          <span className={`mono ${styles.fileName}`}>{job?.fileName ?? fileName}</span>
        </div>
        {active && (
          <p className="faint" style={{ margin: 0 }}>
            The export runs on the server: you may close this dialog, or the tab, and find it in <Link href="/exports">My exports</Link>.
          </p>
        )}
        <div className={styles.actions}>
          {active && (
            <button type="button" className="btn" disabled={cancel.isPending} onClick={() => cancel.mutate(`/api/exports/jobs/${job.id}/cancel`)}>
              Cancel export
            </button>
          )}
          <button type="button" className="btn" onClick={close}>
            Close
          </button>
          {job === undefined ? (
            <button type="button" className="btn btn-primary" disabled={settings.columns.length === 0 || start.isPending} onClick={begin}>
              Export
            </button>
          ) : job.status === 'ready' && job.downloadUrl ? (
            <a className="btn btn-primary" href={job.downloadUrl}>
              Download again
            </a>
          ) : isSettled(job.status) ? (
            <button type="button" className="btn btn-primary" onClick={() => setJobId(null)}>
              Another export
            </button>
          ) : null}
        </div>
      </div>
    </dialog>
  );
}
