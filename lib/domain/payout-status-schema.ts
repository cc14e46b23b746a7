import { z } from 'zod';
import { PAYOUT_STATUSES, type ReportedPayoutStatus } from './transaction';

/** The API's form: documented statuses as their code (as before), an unknown one as { kind, raw }. */
export const reportedPayoutStatusSchema: z.ZodType<ReportedPayoutStatus> = z.union([
  z.enum(PAYOUT_STATUSES),
  z.object({ kind: z.literal('unknown'), raw: z.string() }),
]);
