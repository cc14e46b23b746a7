import 'server-only';
import { z } from 'zod';

export const genpaymentRateLimitSchema = z.strictObject({
  capacity: z.number().int().min(2).max(10_000),
  refillPerSecond: z.number().min(0.1).max(1_000),
});

/** A shop handle is a DNS label; anything else could point the default URL at another host. */
export const genpaymentSettingsSchema = z.object({
  shop: z
    .string()
    .trim()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i, 'must be the shop handle, e.g. "acme" for acme.genmystore.com'),
  /** The shop plan's API bucket when larger than the standard 40 / 2 per s. */
  rateLimit: genpaymentRateLimitSchema.optional(),
});
export type GenpaymentSettings = z.infer<typeof genpaymentSettingsSchema>;

export const genpaymentCredentialsSchema = z.object({
  accessToken: z.string().trim().min(1, 'is required'),
});
export type GenpaymentCredentials = z.infer<typeof genpaymentCredentialsSchema>;

// Amounts stay strings here: they are parsed once, exactly, in map.ts.
export const wireBalanceSchema = z.object({
  settlingAmount: z.string(),
  settlementedAmount: z.string(),
  financeId: z.string(),
  currency: z.string(),
});
export type WireBalance = z.infer<typeof wireBalanceSchema>;

// GET /api/202412/balance
export const balanceResponseSchema = z.object({ balance: wireBalanceSchema });

export const errorBodySchema = z.object({ error: z.string() });
