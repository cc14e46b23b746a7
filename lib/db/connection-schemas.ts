import 'server-only';
import { z } from 'zod';

const identifier = (max: number) => z.string().trim().min(1).max(max);
const secret = z.string().trim().min(1).max(4096);

// Strict objects: a key we do not know is a mistake to report now, not a field to drop silently.
// A higher Genstore plan's API bucket; the provider's settings schema checks the bounds.
const genpaymentRateLimit = z.strictObject({ capacity: z.number(), refillPerSecond: z.number() });
const genpaymentSettings = z.strictObject({ shop: identifier(100), rateLimit: genpaymentRateLimit.optional() });
const genpaymentCredentials = z.strictObject({ accessToken: secret });
const shoplineSettings = z.strictObject({ handle: identifier(100) });
const shoplineCredentials = z.strictObject({ accessToken: secret });
// timeZone: the zone NeoX writes `time` in (the provider's schema checks it is an IANA name; default Hong Kong).
const neoxSettings = z.strictObject({ subMerchantId: identifier(15), timeZone: identifier(64).optional() });
const neoxCredentials = z.strictObject({ clientId: identifier(500), clientSecret: secret });

/** Non-secret account identifiers, by provider. */
export const connectionSettingsSchema = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('genpayment'), settings: genpaymentSettings }),
  z.object({ provider: z.literal('shopline'), settings: shoplineSettings }),
  z.object({ provider: z.literal('neox'), settings: neoxSettings }),
]);

/** Identifiers plus secrets, by provider: what a connection needs to call its provider. */
export const connectionConfigSchema = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('genpayment'), settings: genpaymentSettings, credentials: genpaymentCredentials }),
  z.object({ provider: z.literal('shopline'), settings: shoplineSettings, credentials: shoplineCredentials }),
  z.object({ provider: z.literal('neox'), settings: neoxSettings, credentials: neoxCredentials }),
]);

export type ConnectionSettings = z.output<typeof connectionSettingsSchema>;
export type ConnectionConfig = z.output<typeof connectionConfigSchema>;
export type ConnectionConfigInput = z.input<typeof connectionConfigSchema>;

export const connectionMetaSchema = z.object({
  organizationId: z.uuid(),
  label: z.string().trim().min(1).max(100),
  baseUrl: z.url({ protocol: /^https?$/ }),
});

/** Describes what is wrong by path and rule only: values may be secrets. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}
