import 'server-only';
/** An OAuth access token as cached: the token and when to renew it (epoch ms). */
export interface StoredToken {
  readonly accessToken: string;
  readonly refreshAt: number;
}

/** Shares tokens between clients and, backed by Redis, between server instances. */
export interface TokenStore {
  get(key: string): Promise<StoredToken | null>;
  set(key: string, token: StoredToken): Promise<void>;
  delete(key: string, accessToken: string): Promise<void>;
}
