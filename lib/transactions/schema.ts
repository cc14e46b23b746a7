import { z } from 'zod';
import { transactionDtoSchema } from '@/lib/balance-transactions/schema';
import { pageFields } from '@/lib/paging/schema';

/** What the transactions API answers; the client hook parses responses with these. */

export const transactionsPageSchema = z.object({ items: z.array(transactionDtoSchema), ...pageFields });

export type TransactionsPageDto = z.infer<typeof transactionsPageSchema>;

/** `{ error: { code: 'provider_error', message, traceId, kind } }`, status 502 (504 on timeouts). */
export const providerErrorBodySchema = z.object({
  error: z.object({
    code: z.literal('provider_error'),
    message: z.string(),
    traceId: z.string().nullable(),
    kind: z.string(),
  }),
});
