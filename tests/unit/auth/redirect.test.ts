import { describe, expect, it } from 'vitest';
import { redirectCallback } from '@/lib/auth/options';
import { safeCallbackPath, signInHref } from '@/lib/auth/redirect';

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

describe('signInHref', () => {
  it('sends a signed-out page to sign-in with its whole deep link as the callbackUrl', () => {
    const deepLink = '/transactions?payout_id=po_1&from=2026-11-01';
    const href = new URL(signInHref(deepLink), 'http://fundsight.test');
    expect(href.pathname).toBe('/sign-in');
    expect(href.searchParams.get('callbackUrl')).toBe(deepLink);
  });

  it.each(['//evil.example/x', 'https://evil.example/', null, undefined])('returns to the dashboard for %j', (path) => {
    expect(signInHref(path)).toBe('/sign-in?callbackUrl=%2F');
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
