import { formatCount } from '@/lib/format/numbers';
/** Words and numbers for a job's progress; isomorphic. */

export const countRows = (rows: number) => `${formatCount(rows)} ${rows === 1 ? 'row' : 'rows'}`;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1_048_576) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

export function formatSecondsLeft(seconds: number): string {
  if (seconds < 1) return 'less than a second left';
  if (seconds < 90) return `about ${Math.round(seconds)} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}
