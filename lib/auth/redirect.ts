/** Where a sign-in may send the user on: a path of this site, parsed as a URL (not matched as text). Isomorphic. */

const FALLBACK = '/';
const BASE = 'http://fundsight.invalid';

/** The request header in which proxy.ts hands a page the path and query it was asked for. */
export const PAGE_PATH_HEADER = 'x-fundsight-page';

/**
 * The same-origin path (with query and hash) that `value` names, or "/". `value` is read as a browser
 * would: `/\evil.example`, `//evil`, `https://evil`, tabs or newlines inside, all name another host and
 * are refused; the answer is re-serialised from the parsed URL, so what is followed is what was checked.
 */
export function safeCallbackPath(value: string | readonly string[] | null | undefined, origin: string = BASE): string {
  const raw = typeof value === 'string' ? value : value?.[0];
  if (raw === undefined || raw === null || !raw.startsWith('/')) return FALLBACK;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(raw, base);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== base.origin) return FALLBACK;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that itself starts with two slashes would be read as another host when followed.
  return /^\/[/\\]/.test(path) ? FALLBACK : path;
}

/** The sign-in page that returns to `path` (checked like any callbackUrl) once signed in. */
export function signInHref(path: string | null | undefined): string {
  return `/sign-in?callbackUrl=${encodeURIComponent(safeCallbackPath(path))}`;
}
