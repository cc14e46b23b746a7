import 'server-only';
import { randomBytes } from 'node:crypto';

/** `conn_` + 128 random bits in hex: unguessable, so an id alone never grants access to a connection. */
export function newConnectionId(): string {
  return `conn_${randomBytes(16).toString('hex')}`;
}

/** `sess_` + 128 random bits: names one signed-in session so it can be listed and ended. */
export function newSessionId(): string {
  return `sess_${randomBytes(16).toString('hex')}`;
}
