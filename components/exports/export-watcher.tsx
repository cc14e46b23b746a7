'use client';

import { useQueries } from '@tanstack/react-query';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useToast } from '@/components/ui/toast';
import { countRows } from '@/lib/exports/job-format';
import { isSettled } from '@/lib/exports/job-status';
import { jobQueryOptions } from './use-export-job';

/**
 * Exports started in a dialog that was closed before they ended: followed here, above every page, so that
 * whoever started one hears when it is ready (with its download) or failed, wherever they are in the app.
 */
let followed: readonly string[] = [];
const listeners = new Set<() => void>();
const NONE: readonly string[] = [];

export function followExport(jobId: string): void {
  if (followed.includes(jobId)) return;
  followed = [...followed, jobId];
  for (const listener of listeners) listener();
}

function unfollow(jobId: string): void {
  followed = followed.filter((id) => id !== jobId);
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function ExportWatcher() {
  const ids = useSyncExternalStore(subscribe, () => followed, () => NONE);
  const jobs = useQueries({ queries: ids.map((id) => jobQueryOptions(id)) });
  const toast = useToast();
  const told = useRef(new Set<string>());
  useEffect(() => {
    for (const { data: job } of jobs) {
      if (!job || !isSettled(job.status) || told.current.has(job.id)) continue;
      told.current.add(job.id);
      unfollow(job.id);
      if (job.status === 'ready' && job.downloadUrl) {
        toast(`Export ready: ${job.fileName}, ${countRows(job.rows)}.`, 'success', { label: 'Download', href: job.downloadUrl });
      } else if (job.status === 'failed') {
        toast(`Export failed: ${job.fileName}. ${job.error?.message ?? 'My exports has the details.'}`, 'danger');
      }
    }
  }, [jobs, toast]);
  return null;
}
