import { NextResponse, type NextRequest } from 'next/server';
import { PAGE_PATH_HEADER } from '@/lib/auth/redirect';
import { REQUEST_ID_HEADER, requestIdOf } from '@/lib/http/request-id';
import { newNonce, securityHeaders } from '@/lib/http/security-headers';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];
/** Reached without a session: the API answers 401 itself; sign-in and public files are open. */
const OPEN_PATHS = /^\/(api|sign-in|invite|favicon\.ico|icon\.svg)(\/|$)/;

/** Where the request was going, for sign-in to return to: the path and query, less Next's own `_rsc` marker. */
function deepLink(url: NextRequest['nextUrl']): string {
  const search = new URLSearchParams(url.search);
  search.delete('_rsc');
  const query = search.toString();
  return `${url.pathname}${query ? `?${query}` : ''}`;
}

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Every request but Next's static chunks passes here: it gets a request id (kept from `x-request-id`
 * when sane) and a CSP nonce, both handed to the server in request headers (Next puts the nonce on its
 * scripts, so pages render per request), and the security headers. Pages without a session cookie are
 * redirected to sign-in optimistically; every page and route still verifies the session itself. Both keep
 * the deep link (path and query) as the sign-in's callbackUrl.
 */
export function proxy(request: NextRequest) {
  const requestId = requestIdOf(request.headers);
  const nonce = newNonce();
  const headers = securityHeaders({ nonce, production: process.env.NODE_ENV === 'production' });
  const finish = (response: NextResponse) => {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  };

  const { pathname } = request.nextUrl;
  if (!decodable(pathname)) {
    const error = { code: 'invalid_parameter', message: 'The path is not valid URL encoding.', requestId };
    return finish(NextResponse.json({ error }, { status: 400 }));
  }
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession && !OPEN_PATHS.test(pathname)) {
    const url = request.nextUrl.clone();
    url.pathname = '/sign-in';
    url.search = `?callbackUrl=${encodeURIComponent(deepLink(request.nextUrl))}`;
    return finish(NextResponse.redirect(url));
  }
  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_ID_HEADER, requestId);
  forwarded.set('x-nonce', nonce);
  // A page whose session turns out expired or revoked sends the person to sign in, then back here.
  forwarded.set(PAGE_PATH_HEADER, deepLink(request.nextUrl));
  forwarded.set('Content-Security-Policy', headers['Content-Security-Policy'] ?? '');
  return finish(NextResponse.next({ request: { headers: forwarded } }));
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image).*)' }],
};
