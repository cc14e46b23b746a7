import 'server-only';
import { z } from 'zod';

/** Demo-only fallbacks: refused in production, where each must be set explicitly. */
const DEV_NEXTAUTH_SECRET = 'fundsight-development-secret-not-for-production';
const DEV_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');

/**
 * Published values (these fallbacks, and the pair the demo launcher used to ship): anyone can forge a
 * session or read stored credentials with them, so production refuses them.
 */
export const PUBLISHED_SECRETS: readonly string[] = [DEV_NEXTAUTH_SECRET, 'fundsight-demo-secret-0123456789abcdef0123456789'];
export const PUBLISHED_ENCRYPTION_KEYS: readonly string[] = [DEV_ENCRYPTION_KEY, 'ZnVuZHNpZ2h0LWRlbW8ta2V5LTMyLWJ5dGVzLWxvbmc='];

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    PGLITE_DATA_DIR: z.string().min(1).default('.data/pglite'),
    NEXTAUTH_SECRET: z
      .string()
      .refine((v) => Buffer.byteLength(v, 'utf8') >= 32, 'must be at least 32 bytes (openssl rand -base64 32)')
      .optional(),
    FUNDSIGHT_ENCRYPTION_KEY: z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded (openssl rand -base64 32)')
      .optional(),
    FUNDSIGHT_DEMO_SEED: z.enum(['true', 'false']).default('false'),
    FUNDSIGHT_SANDBOX_URL: z.url().optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
      .optional(),
    PROVIDER_TIMEOUT_MS: positiveInt(10_000),
    PROVIDER_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
    REDIS_KEY_PREFIX: z.string().regex(/^[\w:.-]{1,64}$/, 'must be 1-64 letters, digits or : . _ -').default('fundsight:'),
    PROVIDER_MAX_WAIT_MS: z.coerce.number().int().min(0).max(120_000).default(15_000),
    BALANCES_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3_600).default(30),
    PAYOUTS_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3_600).default(60),
    SETTLED_PAYOUT_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(604_800).default(86_400),
    NEOX_BUDGET_BURST: z.coerce.number().int().min(4).max(10_000).default(10),
    NEOX_BUDGET_PER_SECOND: z.coerce.number().min(0.1).max(1_000).default(5),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
    MAIL_FROM: z.string().min(3).max(320).default('Fundsight <no-reply@fundsight.invalid>'),
    EXPORT_JOBS_PER_USER: z.coerce.number().int().min(1).max(50).default(3),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    if (!env.NEXTAUTH_SECRET) ctx.addIssue({ code: 'custom', path: ['NEXTAUTH_SECRET'], message: 'is required in production' });
    if (!env.FUNDSIGHT_ENCRYPTION_KEY)
      ctx.addIssue({ code: 'custom', path: ['FUNDSIGHT_ENCRYPTION_KEY'], message: 'is required in production' });
    const published = 'is a published demo value; generate your own (openssl rand -base64 32)';
    if (env.NEXTAUTH_SECRET && PUBLISHED_SECRETS.includes(env.NEXTAUTH_SECRET)) {
      ctx.addIssue({ code: 'custom', path: ['NEXTAUTH_SECRET'], message: published });
    }
    const key = env.FUNDSIGHT_ENCRYPTION_KEY ? Buffer.from(env.FUNDSIGHT_ENCRYPTION_KEY, 'base64') : null;
    if (key && PUBLISHED_ENCRYPTION_KEYS.some((known) => Buffer.from(known, 'base64').equals(key))) {
      ctx.addIssue({ code: 'custom', path: ['FUNDSIGHT_ENCRYPTION_KEY'], message: published });
    }
  });

export interface ServerEnv {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly database: { readonly kind: 'postgres'; readonly url: string } | { readonly kind: 'pglite'; readonly dataDir: string };
  readonly nextAuthSecret: string;
  readonly encryptionKey: Buffer;
  /** False when encryptionKey is the demo fallback: tools that store secrets for real refuse to run. */
  readonly encryptionKeyConfigured: boolean;
  readonly demoSeed: boolean;
  readonly sandboxUrl: string | null;
  /** Shared budgets, cache, coalescing, sign-in limits and jobs; null = in memory, one instance. */
  readonly redisUrl: string | null;
  readonly providerTimeoutMs: number;
  readonly providerMaxRetries: number;
  /** Prefix of every Redis key Fundsight writes (budgets, cache, locks, tokens). */
  readonly redisKeyPrefix: string;
  /** Longest a provider call waits for its budget or a Retry-After; past it, 503 provider_busy. */
  readonly providerMaxWaitMs: number;
  /** Response cache lifetimes; 0 turns that cache off. */
  readonly cacheTtlSeconds: { readonly balances: number; readonly payouts: number; readonly settledPayout: number };
  /** NeoX documents no rate limit: the budget assumed per sub-merchant. */
  readonly neoxBudget: { readonly burst: number; readonly perSecond: number };
  /** Invitation mail; null = links are shown to the admin to copy. */
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  /** Export jobs a user may have running at once; further ones queue. */
  readonly exportJobsPerUser: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses an environment; throws one ConfigError whose message names every variable to fix. */
export function parseEnv(source: Record<string, string | undefined>): ServerEnv {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const env = result.data;
  return {
    nodeEnv: env.NODE_ENV,
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL }
      : { kind: 'pglite', dataDir: env.PGLITE_DATA_DIR },
    nextAuthSecret: env.NEXTAUTH_SECRET ?? DEV_NEXTAUTH_SECRET,
    encryptionKey: Buffer.from(env.FUNDSIGHT_ENCRYPTION_KEY ?? DEV_ENCRYPTION_KEY, 'base64'),
    encryptionKeyConfigured: env.FUNDSIGHT_ENCRYPTION_KEY !== undefined,
    demoSeed: env.FUNDSIGHT_DEMO_SEED === 'true',
    sandboxUrl: env.FUNDSIGHT_SANDBOX_URL ?? null,
    redisUrl: env.REDIS_URL ?? null,
    providerTimeoutMs: env.PROVIDER_TIMEOUT_MS,
    providerMaxRetries: env.PROVIDER_MAX_RETRIES,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    providerMaxWaitMs: env.PROVIDER_MAX_WAIT_MS,
    cacheTtlSeconds: {
      balances: env.BALANCES_CACHE_TTL_SECONDS,
      payouts: env.PAYOUTS_CACHE_TTL_SECONDS,
      settledPayout: env.SETTLED_PAYOUT_CACHE_TTL_SECONDS,
    },
    neoxBudget: { burst: env.NEOX_BUDGET_BURST, perSecond: env.NEOX_BUDGET_PER_SECOND },
    smtpUrl: env.SMTP_URL ?? null,
    mailFrom: env.MAIL_FROM,
    exportJobsPerUser: env.EXPORT_JOBS_PER_USER,
  };
}

let cached: ServerEnv | undefined;

/** The process environment, read and validated once. */
export function serverEnv(): ServerEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
