import { describe, expect, it } from 'vitest';
import { redirectCallback } from '@/lib/auth/options';
import { safeCallbackPath } from '@/lib/auth/redirect';

describe('safeCallbackPath', () => {
  it.each([
    ['/', '/'],
    ['/payouts?status=failed#top', '/payouts?status=failed#top'],
    ['/transactions/../flows', '/flows'],
    ['/%5Cevil.example', '/%5Cevil.example'],
  ])('follows the same-site path %j as %j', (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  it.each([
    '/\\evil.example',
    '\\\\evil.example',
    '//evil.example',
    '///evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'https://evil.example',
    'HTTPS://evil.example/',
    'javascript:alert(1)',
    '/.//evil.example',
    '/./\\evil.example',
    ' /evil',
    'evil.example',
    '',
  ])('refuses %j, which names another host or no path', (value) => {
    expect(safeCallbackPath(value)).toBe('/');
  });

  it('reads the first of repeated values and refuses a missing one', () => {
    expect(safeCallbackPath(['/flows', '//evil'])).toBe('/flows');
    expect(safeCallbackPath(undefined)).toBe('/');
  });
});

describe("next-auth's redirect callback", () => {
  const baseUrl = 'http://localhost:3321';
  it.each([
    ['http://localhost:3321/payouts', 'http://localhost:3321/payouts'],
    ['/flows?period=7d', 'http://localhost:3321/flows?period=7d'],
    ['https://evil.example/phish', 'http://localhost:3321/'],
    ['http://localhost:3321.evil.example/', 'http://localhost:3321/'],
    ['/\\evil.example', 'http://localhost:3321/'],
    ['//evil.example', 'http://localhost:3321/'],
  ])('sends %j to %j', (url, expected) => {
    expect(redirectCallback({ url, baseUrl })).toBe(expected);
  });
});
