import 'server-only';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Stored secrets could not be opened: wrong key, tampered or truncated data. Never carries plaintext. */
export class SecretDecryptionError extends Error {
  override readonly name = 'SecretDecryptionError';
}

function assertKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new Error(`Encryption key must be ${KEY_BYTES} bytes, got ${key.length}`);
}

/**
 * Encrypts a JSON value with AES-256-GCM into `v1.<iv>.<tag>.<ciphertext>` (base64url parts).
 * `context` is authenticated but not stored: decryption needs the same one, so a ciphertext copied
 * to another row or tenant does not open.
 */
export function encryptJson(value: unknown, key: Buffer, context = ''): string {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, ...[iv, tag, ciphertext].map((part) => part.toString('base64url'))].join('.');
}

/** Opens an envelope from encryptJson; throws SecretDecryptionError on any mismatch. */
export function decryptJson(envelope: string, key: Buffer, context = ''): unknown {
  assertKey(key);
  const parts = envelope.split('.');
  const [version, ivText, tagText, bodyText] = parts;
  if (parts.length !== 4 || version !== VERSION || ivText === undefined || tagText === undefined || bodyText === undefined) {
    throw new SecretDecryptionError(`Stored secret is not a ${VERSION} envelope`);
  }
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new SecretDecryptionError('Stored secret envelope is truncated');
  }
  let plaintext: string;
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    plaintext = Buffer.concat([decipher.update(Buffer.from(bodyText, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretDecryptionError(
      'Stored secret could not be decrypted: wrong FUNDSIGHT_ENCRYPTION_KEY, or the data was altered',
    );
  }
  try {
    return JSON.parse(plaintext) as unknown;
  } catch {
    throw new SecretDecryptionError('Stored secret decrypted but is not JSON');
  }
}
