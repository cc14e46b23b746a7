import { z } from 'zod';
import { storedFiltersSchema } from './audit-schema';
import { JOB_STATUSES } from './job-status';

/** An export job as the API answers it; the dialog and My exports read it. Isomorphic. */

export const jobStatusSchema = z.enum(JOB_STATUSES);

export const exportJobDtoSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  user: z.object({ email: z.string() }),
  account: z.object({ id: z.string(), label: z.string() }),
  format: z.enum(['csv', 'xlsx']),
  filters: storedFiltersSchema,
  fileName: z.string(),
  status: jobStatusSchema,
  rows: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  pageSize: z.number().int().positive(),
  /** The file's size as downloaded; while running, the bytes written so far. */
  bytes: z.number().int().nonnegative(),
  /** What the file takes in storage (gzip). */
  storedBytes: z.number().int().nonnegative(),
  /** Seconds left from the share of the date range walked and the provider's request rate; null when unknown. */
  secondsLeft: z.number().nonnegative().nullable(),
  /** Share of the walk done, 0..1, measured the same way; null when unknown. */
  done: z.number().min(0).max(1).nullable(),
  error: z.object({ message: z.string(), traceId: z.string().nullable() }).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  expiresAt: z.string(),
  downloadUrl: z.string().nullable(),
});
export type ExportJobDto = z.infer<typeof exportJobDtoSchema>;

export const exportJobListSchema = z.object({ items: z.array(exportJobDtoSchema) });
