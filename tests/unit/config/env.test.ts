import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '@/lib/config/env';

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

  it.each([
    ['NEXTAUTH_SECRET', { ...production, NEXTAUTH_SECRET: undefined }, /NEXTAUTH_SECRET is required in production/],
    ['FUNDSIGHT_ENCRYPTION_KEY', { ...production, FUNDSIGHT_ENCRYPTION_KEY: undefined }, /FUNDSIGHT_ENCRYPTION_KEY is required/],
    ['a short key', { ...production, FUNDSIGHT_ENCRYPTION_KEY: 'c2hvcnQ=' }, /FUNDSIGHT_ENCRYPTION_KEY must be 32 bytes/],
    ['a MySQL URL', { DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres:\/\/ URL/],
    ['a Redis URL of another scheme', { REDIS_URL: 'http://127.0.0.1:6379' }, /REDIS_URL must be a redis:\/\//],
    ['a bad timeout', { PROVIDER_TIMEOUT_MS: 'soon' }, /PROVIDER_TIMEOUT_MS/],
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
