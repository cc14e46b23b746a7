import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv, PUBLISHED_ENCRYPTION_KEYS, PUBLISHED_SECRETS } from '@/lib/config/env';
import { demoSecrets } from '../../../scripts/launch.mjs';

const DEMO_RELEASED = { secret: 'fundsight-demo-secret-0123456789abcdef0123456789', key: 'ZnVuZHNpZ2h0LWRlbW8ta2V5LTMyLWJ5dGVzLWxvbmc=' };

const key = Buffer.alloc(32, 1).toString('base64');
const production = { NODE_ENV: 'production', NEXTAUTH_SECRET: 'x'.repeat(40), FUNDSIGHT_ENCRYPTION_KEY: key };

describe('server configuration', () => {
  it('uses the embedded database unless DATABASE_URL points at PostgreSQL', () => {
    expect(parseEnv({}).database).toEqual({ kind: 'pglite', dataDir: '.data/pglite' });
    expect(parseEnv({ DATABASE_URL: 'postgres://u@127.0.0.1/db' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@127.0.0.1/db',
    });
  });

  it('keeps budgets, caches and jobs in memory unless REDIS_URL is set', () => {
    expect(parseEnv({}).redisUrl).toBeNull();
    expect(parseEnv({ REDIS_URL: 'redis://127.0.0.1:6379/2' }).redisUrl).toBe('redis://127.0.0.1:6379/2');
  });

  it('budgets, waits and caches have defaults, and each can be set', () => {
    const defaults = parseEnv({});
    expect(defaults.redisKeyPrefix).toBe('fundsight:');
    expect(defaults.providerMaxWaitMs).toBe(15_000);
    expect(defaults.cacheTtlSeconds).toEqual({ balances: 30, payouts: 60, settledPayout: 86_400 });
    expect(defaults.neoxBudget).toEqual({ burst: 10, perSecond: 5 });
    const set = parseEnv({
      REDIS_KEY_PREFIX: 'staging:',
      PROVIDER_MAX_WAIT_MS: '5000',
      BALANCES_CACHE_TTL_SECONDS: '0',
      PAYOUTS_CACHE_TTL_SECONDS: '10',
      SETTLED_PAYOUT_CACHE_TTL_SECONDS: '600',
      NEOX_BUDGET_BURST: '20',
      NEOX_BUDGET_PER_SECOND: '2.5',
    });
    expect(set.redisKeyPrefix).toBe('staging:');
    expect(set.providerMaxWaitMs).toBe(5_000);
    expect(set.cacheTtlSeconds).toEqual({ balances: 0, payouts: 10, settledPayout: 600 });
    expect(set.neoxBudget).toEqual({ burst: 20, perSecond: 2.5 });
  });

  it('shows invitation links to copy unless SMTP_URL is set, then mails them from MAIL_FROM', () => {
    expect(parseEnv({}).smtpUrl).toBeNull();
    const env = parseEnv({ SMTP_URL: 'smtp://mail.example.test:587', MAIL_FROM: 'Fundsight <ops@example.test>' });
    expect(env).toMatchObject({ smtpUrl: 'smtp://mail.example.test:587', mailFrom: 'Fundsight <ops@example.test>' });
    expect(() => parseEnv({ SMTP_URL: 'http://mail.example.test' })).toThrow(/SMTP_URL must be an smtp:\/\//);
  });

  it('lets a user run 3 export jobs at once unless EXPORT_JOBS_PER_USER says otherwise', () => {
    expect(parseEnv({}).exportJobsPerUser).toBe(3);
    expect(parseEnv({ EXPORT_JOBS_PER_USER: '5' }).exportJobsPerUser).toBe(5);
    expect(() => parseEnv({ EXPORT_JOBS_PER_USER: '0' })).toThrow(/EXPORT_JOBS_PER_USER/);
  });

  it('accepts a complete production configuration', () => {
    const env = parseEnv(production);
    expect(env.encryptionKey).toHaveLength(32);
    expect(env.providerMaxRetries).toBe(3);
  });

  it('runs the demo with secrets of its own, accepted in production and different every time', () => {
    const one = demoSecrets('memory://');
    const two = demoSecrets('memory://');
    expect(one.NEXTAUTH_SECRET).not.toBe(two.NEXTAUTH_SECRET);
    expect(parseEnv({ NODE_ENV: 'production', FUNDSIGHT_DEMO_SEED: 'true', ...one }).demoSeed).toBe(true);
  });

  it.each([
    ['NEXTAUTH_SECRET', { ...production, NEXTAUTH_SECRET: undefined }, /NEXTAUTH_SECRET is required in production/],
    ['FUNDSIGHT_ENCRYPTION_KEY', { ...production, FUNDSIGHT_ENCRYPTION_KEY: undefined }, /FUNDSIGHT_ENCRYPTION_KEY is required/],
    ['a short key', { ...production, FUNDSIGHT_ENCRYPTION_KEY: 'c2hvcnQ=' }, /FUNDSIGHT_ENCRYPTION_KEY must be 32 bytes/],
    ['a secret under 32 bytes', { ...production, NEXTAUTH_SECRET: 'x'.repeat(31) }, /NEXTAUTH_SECRET must be at least 32 bytes/],
    ['the secret the demo used to publish', { ...production, NEXTAUTH_SECRET: DEMO_RELEASED.secret }, /NEXTAUTH_SECRET is a published demo value/],
    [
      'the key the demo used to publish',
      { ...production, FUNDSIGHT_ENCRYPTION_KEY: DEMO_RELEASED.key },
      /FUNDSIGHT_ENCRYPTION_KEY is a published demo value/,
    ],
    [
      'the development fallbacks set explicitly',
      { ...production, NEXTAUTH_SECRET: PUBLISHED_SECRETS[0], FUNDSIGHT_ENCRYPTION_KEY: PUBLISHED_ENCRYPTION_KEYS[0] },
      /NEXTAUTH_SECRET is a published demo value; .*FUNDSIGHT_ENCRYPTION_KEY is a published demo value/,
    ],
    ['a MySQL URL', { DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres:\/\/ URL/],
    ['a Redis URL of another scheme', { REDIS_URL: 'http://127.0.0.1:6379' }, /REDIS_URL must be a redis:\/\//],
    ['a bad timeout', { PROVIDER_TIMEOUT_MS: 'soon' }, /PROVIDER_TIMEOUT_MS/],
    ['a negative cache lifetime', { BALANCES_CACHE_TTL_SECONDS: '-1' }, /BALANCES_CACHE_TTL_SECONDS/],
    ['a NeoX budget too small to shape', { NEOX_BUDGET_BURST: '1' }, /NEOX_BUDGET_BURST/],
    ['a Redis key prefix with spaces', { REDIS_KEY_PREFIX: 'a b' }, /REDIS_KEY_PREFIX must be/],
    ['an unbounded wait', { PROVIDER_MAX_WAIT_MS: '999999999' }, /PROVIDER_MAX_WAIT_MS/],
  ])('refuses %s with one line naming the variable', (_name, source, message) => {
    expect(() => parseEnv(source)).toThrow(ConfigError);
    expect(() => parseEnv(source)).toThrow(message);
    try {
      parseEnv(source);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
