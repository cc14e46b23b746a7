'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { exportAuditDtoSchema, exportAuditPath } from '@/lib/exports/audit-schema';
import { ExportInterruptedError, runExport, type ExportProgress, type ExportSink } from '@/lib/exports/download';
import { ApiClientError, fetchJson } from '@/lib/query/fetch-json';

export type ExportRunState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly rows: number; readonly bytes: number }
  | { readonly status: 'completed'; readonly rows: number; readonly fileName: string }
  | { readonly status: 'failed'; readonly rows: number; readonly message: string; readonly traceId: string | null }
  | { readonly status: 'cancelled'; readonly rows: number };

const PROGRESS_EVERY_MS = 100;
const INTERRUPTED = 'The connection to the provider failed partway and the download was stopped.';

/** Why the server ended the export, from its audit record; a generic line when that cannot be read. */
async function failureReason(exportId: string | null): Promise<{ message: string; traceId: string | null }> {
  if (exportId === null) return { message: INTERRUPTED, traceId: null };
  try {
    const audit = await fetchJson(exportAuditPath(exportId), exportAuditDtoSchema);
    return audit.error ?? { message: INTERRUPTED, traceId: null };
  } catch {
    return { message: INTERRUPTED, traceId: null };
  }
}

/** One export at a time: progress while it runs, then how it ended; unmounting cancels it. */
export function useExportRun() {
  const [state, setState] = useState<ExportRunState>({ status: 'idle' });
  const running = useRef<AbortController | null>(null);
  const latest = useRef<ExportProgress>({ rows: 0, bytes: 0 });

  useEffect(() => () => running.current?.abort(), []);

  const start = useCallback(async (url: string, fallbackName: string, sink: ExportSink) => {
    const controller = new AbortController();
    running.current = controller;
    latest.current = { rows: 0, bytes: 0 };
    setState({ status: 'running', rows: 0, bytes: 0 });
    let shownAt = 0;
    try {
      const result = await runExport(url, {
        sink,
        signal: controller.signal,
        fallbackName,
        onProgress: (progress) => {
          latest.current = progress;
          const now = performance.now();
          if (now - shownAt < PROGRESS_EVERY_MS) return;
          shownAt = now;
          setState({ status: 'running', ...progress });
        },
      });
      setState({ status: 'completed', rows: result.rows, fileName: result.fileName });
    } catch (error) {
      const { rows } = latest.current;
      if (controller.signal.aborted) setState({ status: 'cancelled', rows });
      else if (error instanceof ExportInterruptedError) setState({ status: 'failed', rows: error.progress.rows, ...(await failureReason(error.exportId)) });
      else if (error instanceof ApiClientError) setState({ status: 'failed', rows, message: error.message, traceId: error.traceId });
      else setState({ status: 'failed', rows, message: INTERRUPTED, traceId: null });
    } finally {
      if (running.current === controller) running.current = null;
    }
  }, []);

  const cancel = useCallback(() => running.current?.abort(), []);
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, start, cancel, reset };
}
