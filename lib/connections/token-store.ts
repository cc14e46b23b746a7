import type { Redis } from 'ioredis';
import { z } from 'zod';
import { decryptJson, encryptJson } from '@/lib/crypto/secrets';
import type { StoredToken, TokenStore } from '@/lib/providers/token-store';

const storedTokenSchema = z.object({ accessToken: z.string().min(1), refreshAt: z.number() });
const CONTEXT = 'provider-token';

/** Tokens shared between instances through Redis, encrypted with the app's key: Redis never holds one in clear. */
export class RedisTokenStore implements TokenStore {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly encryptionKey: Buffer,
  ) {}

  private key(key: string): string {
    return `${this.keyPrefix}token:${key}`;
  }

  async get(key: string): Promise<StoredToken | null> {
    const text = await this.redis.get(this.key(key));
    if (text === null) return null;
    try {
      const parsed = storedTokenSchema.safeParse(decryptJson(text, this.encryptionKey, CONTEXT));
      return parsed.success ? parsed.data : null;
    } catch {
      // Written under another key (rotated): as good as absent.
      return null;
    }
  }

  async set(key: string, token: StoredToken): Promise<void> {
    const ttlMs = Math.round(token.refreshAt - Date.now());
    if (ttlMs <= 0) return;
    await this.redis.set(this.key(key), encryptJson(token, this.encryptionKey, CONTEXT), 'PX', ttlMs);
  }

  async delete(key: string, accessToken: string): Promise<void> {
    const current = await this.get(key);
    if (current?.accessToken === accessToken) await this.redis.del(this.key(key));
  }
}
