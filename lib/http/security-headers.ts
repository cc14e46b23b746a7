/** The security headers of every response; the proxy sets them (a CSP with a fresh nonce per request). Edge-safe. */

export interface PolicyOptions {
  readonly nonce: string;
  readonly production: boolean;
}

/**
 * Scripts only with this request's nonce ('strict-dynamic' lets them load Next's chunks). Styles allow
 * 'unsafe-inline': recharts and the components set `style` attributes, which nonces cannot cover (and a
 * nonce in style-src would switch 'unsafe-inline' off). Development adds 'unsafe-eval' for React's dev tools.
 */
export function contentSecurityPolicy({ nonce, production }: PolicyOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${production ? '' : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(options: PolicyOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Content-Type-Options': 'nosniff',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    ...(options.production ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

/** A nonce of 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
