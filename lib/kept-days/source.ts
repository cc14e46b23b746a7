import 'server-only';
import { createHash } from 'node:crypto';
import type { KeptDaysKey } from '@/lib/domain/kept-day';

interface Connected {
  readonly id: string;
  readonly provider: string;
  readonly baseUrl: string;
  readonly settings: unknown;
}

/** The provider account a connection reads: a connection pointed at another store or base URL reads other days. */
export function sourceOf(connection: Connected): string {
  return createHash('sha256')
    .update(JSON.stringify([connection.provider, connection.baseUrl, connection.settings ?? null]))
    .digest('base64url')
    .slice(0, 22);
}

export function keptDaysKey(connection: Connected, timeZone: string): KeptDaysKey {
  return { connectionId: connection.id, timeZone, source: sourceOf(connection) };
}
