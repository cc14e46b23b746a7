import { describe, expect, it } from 'vitest';
import { decryptJson, encryptJson, SecretDecryptionError } from '@/lib/crypto/secrets';

const KEY = Buffer.alloc(32, 0x11);
const OTHER_KEY = Buffer.alloc(32, 0x22);
const SECRET = { accessToken: 'gpat_top_secret_value', nested: { list: [1, 'two', null] } };

/** Flips one character of the envelope part at `index` (0 version, 1 iv, 2 tag, 3 ciphertext). */
function tamper(envelope: string, index: number): string {
  const parts = envelope.split('.');
  const part = parts[index] ?? '';
  parts[index] = (part[0] === 'A' ? 'B' : 'A') + part.slice(1);
  return parts.join('.');
}

describe('encryptJson / decryptJson', () => {
  it.each([
    ['an object', SECRET],
    ['a string', 'plain'],
    ['unicode', { clientSecret: 'nxs_ümlaut_日本_🔑' }],
    ['an empty object', {}],
  ])('round-trips %s', (_name, value) => {
    expect(decryptJson(encryptJson(value, KEY), KEY)).toEqual(value);
  });

  it('writes a v1 envelope of four base64url parts that does not contain the plaintext', () => {
    const envelope = encryptJson(SECRET, KEY);
    expect(envelope).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(envelope).not.toContain('gpat_');
  });

  it('uses a fresh IV each time: the same value encrypts differently', () => {
    expect(encryptJson(SECRET, KEY)).not.toBe(encryptJson(SECRET, KEY));
  });

  it.each([
    ['the iv', 1],
    ['the auth tag', 2],
    ['the ciphertext', 3],
  ])('rejects a change to %s', (_name, index) => {
    expect(() => decryptJson(tamper(encryptJson(SECRET, KEY), index), KEY)).toThrow(SecretDecryptionError);
  });

  it.each([
    ['another version', (e: string) => e.replace(/^v1\./, 'v2.')],
    ['a missing part', (e: string) => e.split('.').slice(0, 3).join('.')],
    ['a truncated tag', (e: string) => e.split('.').map((p, i) => (i === 2 ? p.slice(0, 10) : p)).join('.')],
    ['garbage', () => 'not an envelope'],
  ])('rejects %s', (_name, mangle) => {
    expect(() => decryptJson(mangle(encryptJson(SECRET, KEY)), KEY)).toThrow(SecretDecryptionError);
  });

  it('rejects the wrong key with a message that names the key and contains no plaintext', () => {
    const error = (() => {
      try {
        decryptJson(encryptJson(SECRET, KEY), OTHER_KEY);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SecretDecryptionError);
    expect((error as Error).message).toMatch(/FUNDSIGHT_ENCRYPTION_KEY/);
    expect((error as Error).message).not.toContain('gpat_');
  });

  it('binds the ciphertext to its context', () => {
    const envelope = encryptJson(SECRET, KEY, 'connection:org-a:conn_1');
    expect(decryptJson(envelope, KEY, 'connection:org-a:conn_1')).toEqual(SECRET);
    expect(() => decryptJson(envelope, KEY, 'connection:org-b:conn_1')).toThrow(SecretDecryptionError);
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => encryptJson(SECRET, Buffer.alloc(16))).toThrow(/32 bytes/);
    expect(() => decryptJson('v1.a.b.c', Buffer.alloc(31))).toThrow(/32 bytes/);
  });
});
