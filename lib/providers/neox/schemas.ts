import 'server-only';
import { z } from 'zod';
import { isIanaZoneName } from '@/lib/domain/zone';
import { JsonNumber } from '../json';

/**
 * NeoX documents no zone for `time` (yyyy-MM-dd HH:mm:ss, no offset). It is a Hong Kong company, its console
 * shows HKT, and Hong Kong has had no daylight saving since 1979, so Hong Kong time is the default: it is what
 * every connection was read in before the zone became a setting. A connection whose NeoX environment writes
 * another zone names it here.
 */
export const NEOX_DEFAULT_TIME_ZONE = 'Asia/Hong_Kong';

export const neoxSettingsSchema = z.object({
  subMerchantId: z.string().trim().min(1, 'is required').max(15, 'must be at most 15 characters'),
  timeZone: z
    .string()
    .trim()
    .refine(isIanaZoneName, 'must be an IANA time zone such as Asia/Hong_Kong or UTC')
    // Unset: the declaration's timestampZone (NEOX_DEFAULT_TIME_ZONE), which the client is given.
    .optional(),
});
export type NeoxSettings = z.infer<typeof neoxSettingsSchema>;

export const neoxCredentialsSchema = z.object({
  clientId: z.string().trim().min(1, 'is required'),
  clientSecret: z.string().min(1, 'is required'),
});
export type NeoxCredentials = z.infer<typeof neoxCredentialsSchema>;

const jsonNumber = z.instanceof(JsonNumber);

/** An amount sent as a decimal string or as an exact JSON number; decimal text either way. */
const wireAmount = z.union([z.string(), jsonNumber.transform((n) => n.decimal)]);
const wireText = z.union([z.string(), jsonNumber.transform((n) => n.source)]);
const wireInteger = z.union([z.string(), jsonNumber.transform((n) => n.decimal)]).transform((text, ctx) => {
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(value)) {
    ctx.addIssue({ code: 'custom', message: 'expected an integer' });
    return z.NEVER;
  }
  return value;
});

export const wireBalanceRowSchema = z.object({
  accountNo: wireText,
  accountType: z.string(),
  currency: z.string(),
  balance: wireAmount,
  availableBalance: wireAmount,
  frozenAmount: wireAmount,
  time: z.string(),
});
export type WireBalanceRow = z.infer<typeof wireBalanceRowSchema>;

/** Both envelopes, normalised: the documented {code,msg,success,data} and the wider {code:1|2|99,message,neoResponseId}. */
export interface Envelope<T> {
  readonly outcome: 'success' | 'failed' | 'processing';
  readonly reason: string | null;
  readonly data: T | null;
  readonly responseId: string | null;
}

const documentedEnvelope = z
  .object({ success: z.boolean(), code: wireText.nullish(), msg: z.string().nullish(), data: z.unknown().optional() })
  .transform((b) => ({
    outcome: b.success ? ('success' as const) : ('failed' as const),
    reason: b.msg ?? b.code ?? null,
    raw: b.data,
    responseId: null,
  }));

const widerEnvelope = z
  .object({ code: wireInteger, message: z.string().nullish(), neoResponseId: wireText.nullish(), data: z.unknown().optional() })
  .transform((b) => ({
    outcome: b.code === 1 ? ('success' as const) : b.code === 99 ? ('processing' as const) : ('failed' as const),
    reason: b.message ?? null,
    raw: b.data,
    responseId: b.neoResponseId ?? null,
  }));

function reject(ctx: z.RefinementCtx, issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]): never {
  for (const issue of issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [...prefix, ...issue.path] });
  return z.NEVER;
}

/** data is validated only on success: a failed envelope's data is not read. */
export function envelopeSchema<T>(data: z.ZodType<T>): z.ZodType<Envelope<T>> {
  return z.unknown().transform((body, ctx): Envelope<T> => {
    const documented = typeof body === 'object' && body !== null && 'success' in body;
    const head = (documented ? documentedEnvelope : widerEnvelope).safeParse(body);
    if (!head.success) return reject(ctx, head.error.issues, []);
    const { raw, ...rest } = head.data;
    if (rest.outcome !== 'success') return { ...rest, data: null };
    const inner = data.safeParse(raw);
    if (!inner.success) return reject(ctx, inner.error.issues, ['data']);
    return { ...rest, data: inner.data };
  });
}

// GET /v2/gc/accounts/balance/query
export const balanceResponseSchema = envelopeSchema(z.array(wireBalanceRowSchema));

// POST /v2/auth/oauth2/token
export const tokenResponseSchema = envelopeSchema(
  z.object({
    access_token: z.string().min(1),
    token_type: z.string().nullish(),
    expires_in: wireInteger,
    scope: z.string().nullish(),
  }),
);

export const errorBodySchema = z.object({
  message: z.string().nullish(),
  msg: z.string().nullish(),
  error_description: z.string().nullish(),
  error: z.string().nullish(),
});
