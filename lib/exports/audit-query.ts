import { lenient, type SearchParamsInput } from '@/lib/list-query/fields';

/**
 * The export audit list's URL, without zod: its page size, its cursor's form and the browser's lenient reading.
 * The strict schema of GET /api/exports (./audit-schema) is built from the same constants. Isomorphic.
 */

export const DEFAULT_AUDIT_LIMIT = 50;
export const MAX_AUDIT_LIMIT = 200;
/** The last row's sequence number: a PostgreSQL integer, so at most 2147483647. */
export const AUDIT_CURSOR = /^\d{1,10}$/;
export const MAX_AUDIT_CURSOR = 2_147_483_647;

export const isAuditCursor = (value: string): boolean => AUDIT_CURSOR.test(value) && Number(value) <= MAX_AUDIT_CURSOR;

export interface ExportAuditQuery {
  limit: number;
  cursor?: string | undefined;
}

/** The browser's reading of the URL: the page size is the list's own, a bad cursor shows the newest exports. */
export function parseAuditSearchParams(input: SearchParamsInput): ExportAuditQuery {
  return { limit: DEFAULT_AUDIT_LIMIT, cursor: lenient(input, 'cursor', isAuditCursor) };
}
