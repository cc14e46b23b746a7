import 'server-only';
import { z } from 'zod';

/** Demo-only fallbacks: refused in production, where each must be set explicitly. */
const DEV_NEXTAUTH_SECRET = 'fundsight-development-secret-not-for-production';
const DEV_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    PGLITE_DATA_DIR: z.string().min(1).default('.data/pglite'),
    NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
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
    EXPORT_JOBS_PER_USER: z.coerce.number().int().min(1).max(50).default(3),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    if (!env.NEXTAUTH_SECRET) ctx.addIssue({ code: 'custom', path: ['NEXTAUTH_SECRET'], message: 'is required in production' });
    if (!env.FUNDSIGHT_ENCRYPTION_KEY)
      ctx.addIssue({ code: 'custom', path: ['FUNDSIGHT_ENCRYPTION_KEY'], message: 'is required in production' });
  });

export interface ServerEnv {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly database: { readonly kind: 'postgres'; readonly url: string } | { readonly kind: 'pglite'; readonly dataDir: string };
  readonly nextAuthSecret: string;
  readonly encryptionKey: Buffer;
  readonly demoSeed: boolean;
  readonly sandboxUrl: string | null;
  /** Shared budgets, cache, coalescing, sign-in limits and jobs; null = in memory, one instance. */
  readonly redisUrl: string | null;
  readonly providerTimeoutMs: number;
  readonly providerMaxRetries: number;
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
    demoSeed: env.FUNDSIGHT_DEMO_SEED === 'true',
    sandboxUrl: env.FUNDSIGHT_SANDBOX_URL ?? null,
    redisUrl: env.REDIS_URL ?? null,
    providerTimeoutMs: env.PROVIDER_TIMEOUT_MS,
    providerMaxRetries: env.PROVIDER_MAX_RETRIES,
    exportJobsPerUser: env.EXPORT_JOBS_PER_USER,
  };
}

let cached: ServerEnv | undefined;

/** The process environment, read and validated once. */
export function serverEnv(): ServerEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
