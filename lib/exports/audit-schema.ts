import { z } from 'zod';
import { cursorParam, limitParam, type Assert, type SameType } from '@/lib/list-query/params';
import { AUDIT_CURSOR, DEFAULT_AUDIT_LIMIT, MAX_AUDIT_CURSOR, MAX_AUDIT_LIMIT, type ExportAuditQuery } from './audit-query';

/** The export audit as the API answers it; the dialog and the admin page read it. Isomorphic. */

/** The filters as the export applied them (the transactions list's query without paging), as stored. */
export const storedFiltersSchema = z.object({
  type: z.array(z.string()).optional(),
  payout_status: z.string().optional(),
  payout_id: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  tz: z.string().optional(),
});
export type StoredFilters = z.infer<typeof storedFiltersSchema>;

/** The file's options as applied, as stored; `timeZone` is the zone the timestamps were written in. */
export const storedOptionsSchema = z.object({
  columns: z.array(z.string()),
  timeZone: z.string(),
  delimiter: z.string(),
  bom: z.boolean(),
  longIds: z.string(),
  /** Exports before XLSX existed were all CSV. */
  format: z.enum(['csv', 'xlsx']).default('csv'),
});
export type StoredOptions = z.infer<typeof storedOptionsSchema>;

/** `interrupted`: recorded as running, but its server stopped writing it (see toExportAuditDto). */
export const exportOutcomeSchema = z.enum(['running', 'completed', 'failed', 'cancelled', 'interrupted']);
export type ExportOutcomeDto = z.infer<typeof exportOutcomeSchema>;

export const exportAuditDtoSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  user: z.object({ id: z.string().nullable(), email: z.string() }),
  account: z.object({ id: z.string(), label: z.string() }),
  filters: storedFiltersSchema,
  options: storedOptionsSchema,
  fileName: z.string(),
  outcome: exportOutcomeSchema,
  rows: z.number().int().nonnegative(),
  providerPages: z.number().int().nonnegative(),
  error: z.object({ message: z.string(), traceId: z.string().nullable() }).nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ExportAuditDto = z.infer<typeof exportAuditDtoSchema>;

export const exportAuditPageSchema = z.object({ items: z.array(exportAuditDtoSchema), nextCursor: z.string().nullable() });
export type ExportAuditPageDto = z.infer<typeof exportAuditPageSchema>;

/** GET /api/exports: strict, like every list. */
export const exportAuditQuerySchema = z.strictObject({
  limit: limitParam(MAX_AUDIT_LIMIT, DEFAULT_AUDIT_LIMIT),
  // The last row's sequence number (./audit-query's isAuditCursor, with the list's message).
  cursor: cursorParam
    .regex(AUDIT_CURSOR, 'is not a cursor from this list')
    .refine((value) => Number(value) <= MAX_AUDIT_CURSOR, 'is not a cursor from this list')
    .optional(),
});

/** The schema's output is the browser's query type, or this does not compile. */
export type ExportAuditSchemaOutput = Assert<SameType<z.output<typeof exportAuditQuerySchema>, ExportAuditQuery>>;

/** The audit entry's location, named in the export response's X-Export-Id header. */
export function exportAuditPath(exportId: string): string {
  return `/api/exports/${encodeURIComponent(exportId)}`;
}
