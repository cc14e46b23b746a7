/** Formats of the ids that reach a route in its path or query; checked before any database or provider call. Isomorphic. */

/** `conn_` + 32 hex digits (lib/crypto/ids.ts makes them; the connections table checks the same). */
export const CONNECTION_ID = /^conn_[0-9a-f]{32}$/;
/** Export audit ids are PostgreSQL uuids. */
export const EXPORT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Payout ids as the providers document them: digits (SHOPLINE) or a token of letters, digits, `_` and `-`. */
export const PAYOUT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A path segment's format, and what a malformed one is answered as: not found, as if it did not exist. */
export interface PathParam {
  readonly pattern: RegExp;
  readonly what: string;
}

/** Users are PostgreSQL uuids. */
export const USER_ID = EXPORT_ID;
/** `sess_` + 32 hex digits (the sessions table checks the same). */
export const SESSION_ID = /^sess_[0-9a-f]{32}$/;
/** An invitation link's token: 32 random bytes, base64url. */
export const INVITATION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const connectionIdPath: PathParam = { pattern: CONNECTION_ID, what: 'Connection' };
export const exportIdPath: PathParam = { pattern: EXPORT_ID, what: 'Export' };
export const payoutIdPath: PathParam = { pattern: PAYOUT_ID, what: 'Payout' };
export const userIdPath: PathParam = { pattern: USER_ID, what: 'Member' };
export const sessionIdPath: PathParam = { pattern: SESSION_ID, what: 'Session' };
export const invitationIdPath: PathParam = { pattern: EXPORT_ID, what: 'Invitation' };
export const invitationTokenPath: PathParam = { pattern: INVITATION_TOKEN, what: 'Invitation' };

/** Query parameters that would write to an object's prototype, refused by name before any schema reads them. */
export const PROTOTYPE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];
