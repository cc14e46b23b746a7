import { describe, expect, it } from 'vitest';
import {
  BaseUrlError,
  checkBaseUrl,
  DEVELOPMENT_POLICY,
  isPrivateAddress,
  PRODUCTION_POLICY,
} from '@/lib/providers/base-url';

const SHOPLINE_PATH = '/admin/openapi/v20250601/payments/store/';
const prod = (url: string, apiPath = SHOPLINE_PATH) => checkBaseUrl(url, apiPath, PRODUCTION_POLICY);
const dev = (url: string, apiPath = SHOPLINE_PATH) => checkBaseUrl(url, apiPath, DEVELOPMENT_POLICY);
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof BaseUrlError) return error.message;
    throw error;
  }
  throw new Error('expected a BaseUrlError');
};

describe('base URL rules', () => {
  it('accepts the provider host and drops a trailing slash', () => {
    expect(prod('https://open001.myshopline.com/')).toBe('https://open001.myshopline.com');
    expect(prod('https://gc.neox.example/prefix', '/v2/')).toBe('https://gc.neox.example/prefix');
  });

  it('refuses plain http in production, with the fix', () => {
    expect(refusal(() => prod('http://open001.myshopline.com'))).toBe('Use an https:// address.');
    expect(dev('http://open001.myshopline.com')).toBe('http://open001.myshopline.com');
  });

  it.each([
    ['the whole API path', 'https://open001.myshopline.com/admin/openapi/v20250601/payments/store', '/admin/openapi/v20250601/payments/store'],
    ['its first part', 'https://open001.myshopline.com/admin/openapi', '/admin/openapi'],
    ['its first segment', 'https://open001.myshopline.com/admin/', '/admin'],
  ])('refuses a base URL repeating %s of the client, naming the address to use', (_what, url, repeated) => {
    const message = refusal(() => prod(url));
    expect(message).toContain(`"${repeated}"`);
    expect(message).toContain('Use https://open001.myshopline.com instead.');
  });

  it('refuses /v2 for NeoX and /api/202412 for GenPayment, keeping a prefix before them', () => {
    expect(refusal(() => prod('https://gc.neox.example/gateway/v2', '/v2/'))).toContain('Use https://gc.neox.example/gateway instead.');
    expect(refusal(() => prod('https://acme.genmystore.com/api/202412', '/api/202412/'))).toContain('"/api/202412"');
  });

  it.each([
    'https://127.0.0.1',
    'https://10.1.2.3',
    'https://172.16.0.1',
    'https://192.168.1.10',
    'https://169.254.169.254',
    'https://[::1]',
    'https://[fe80::1]',
    'https://[fd00::1]',
    'https://[::ffff:127.0.0.1]',
    'https://localhost',
    'https://metadata.google.internal',
    'https://0.0.0.0',
  ])('refuses the private, loopback or link-local host of %s in production (SSRF)', (url) => {
    expect(refusal(() => prod(url))).toMatch(/private or local network/);
    expect(() => dev(url)).not.toThrow();
  });

  it('allows the configured sandbox in production, and only its origin', () => {
    const policy = { ...PRODUCTION_POLICY, sandboxOrigin: 'http://127.0.0.1:4010' };
    expect(checkBaseUrl('http://127.0.0.1:4010/shopline/acme', SHOPLINE_PATH, policy)).toBe('http://127.0.0.1:4010/shopline/acme');
    expect(() => checkBaseUrl('http://127.0.0.1:4011/shopline/acme', SHOPLINE_PATH, policy)).toThrow(BaseUrlError);
  });

  it.each([
    ['not a URL', 'open001.myshopline.com', /full address/],
    ['another scheme', 'ftp://open001.myshopline.com', /https/],
    ['credentials in the URL', 'https://u:p@open001.myshopline.com', /user name and password/],
    ['a query', 'https://open001.myshopline.com?x=1', /query/],
  ])('refuses %s', (_what, url, message) => {
    expect(refusal(() => prod(url))).toMatch(message);
  });

  it('tells private from public addresses', () => {
    expect(isPrivateAddress('8.8.8.8')).toBe(false);
    expect(isPrivateAddress('2606:4700::1111')).toBe(false);
    expect(isPrivateAddress('100.64.0.1')).toBe(true);
  });
});
