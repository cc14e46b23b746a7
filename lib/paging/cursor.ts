import 'server-only';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { serverEnv } from '@/lib/config/env';
import { ApiError } from '@/lib/http/api-error';
import type { WalkPosition } from './walk';

/**
 * The cursor the browser sees: base64url(JSON [version, direction, provider cursor, index, anchor id?])
 * + "." + a 128-bit HMAC-SHA256 over the payload and the view it belongs to (list kind, organization,
 * connection, canonical filters and page size). The view is bound by the MAC instead of being carried,
 * which keeps the token short; any change to either makes it invalid.
 */

export type ListKind = 'transactions' | 'payouts' | 'payout-transactions';

export interface CursorScope {
  readonly kind: ListKind;
  readonly organizationId: string;
  readonly connectionId: string;
  /** Canonical text of the filters and page size the cursor was made for. */
  readonly view: string;
}

export interface CursorState {
  readonly direction: 'next' | 'previous';
  readonly position: WalkPosition;
}

export interface CursorCodec {
  encode(scope: CursorScope, state: CursorState): string;
  /** Throws ApiError 400 naming `cursor` when the token is altered or made for another view. */
  decode(scope: CursorScope, token: string): CursorState;
}

const VERSION = 1;
const MAC_BYTES = 16;
const HKDF_INFO = 'fundsight-cursor-v1';
const PART = /^[A-Za-z0-9_-]+$/;

const providerCursor = z.string().min(1).max(1500).nullable();
const index = z.number().int().min(-1).max(1_000_000);
const direction = z.enum(['n', 'p']);
const payloadSchema = z.union([
  z.tuple([z.literal(VERSION), direction, providerCursor, index]),
  z.tuple([z.literal(VERSION), direction, providerCursor, index, z.string().min(1).max(200)]),
]);

export const invalidCursor = () =>
  new ApiError(400, 'invalid_parameter', 'Invalid query parameter "cursor": it is invalid or belongs to another view; start from the first page.');

export function createCursorCodec(secret: string): CursorCodec {
  const key = Buffer.from(hkdfSync('sha256', secret, '', HKDF_INFO, 32));
  const sign = (scope: CursorScope, body: string): Buffer =>
    createHmac('sha256', key)
      .update(JSON.stringify([VERSION, scope.kind, scope.organizationId, scope.connectionId, scope.view, body]))
      .digest()
      .subarray(0, MAC_BYTES);

  return {
    encode(scope, state) {
      const { cursor, index: at, anchorId } = state.position;
      const payload = [VERSION, state.direction === 'next' ? 'n' : 'p', cursor, at, ...(anchorId === undefined ? [] : [anchorId])];
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return `${body}.${sign(scope, body).toString('base64url')}`;
    },
    decode(scope, token) {
      const [body, mac, ...rest] = token.split('.');
      if (body === undefined || mac === undefined || rest.length > 0 || !PART.test(body) || !PART.test(mac)) throw invalidCursor();
      const given = Buffer.from(mac, 'base64url');
      const expected = sign(scope, body);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidCursor();
      let raw: unknown;
      try {
        raw = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      } catch {
        throw invalidCursor();
      }
      const parsed = payloadSchema.safeParse(raw);
      if (!parsed.success) throw invalidCursor();
      const [, dir, cursor, at, anchorId] = parsed.data;
      return {
        direction: dir === 'n' ? 'next' : 'previous',
        position: anchorId === undefined ? { cursor, index: at } : { cursor, index: at, anchorId },
      };
    },
  };
}

let shared: CursorCodec | undefined;

/** The codec keyed from NEXTAUTH_SECRET (HKDF, so the session key itself never signs cursors). */
export function cursorCodec(): CursorCodec {
  shared ??= createCursorCodec(serverEnv().nextAuthSecret);
  return shared;
}
