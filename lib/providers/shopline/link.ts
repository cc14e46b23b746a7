import 'server-only';

export interface LinkCursors {
  readonly next: string | null;
  readonly previous: string | null;
}

const ENTRY = /<([^>]*)>([^<]*)/g;
// A quoted rel, or a bare token; a bare token stops at the quote that closes a quoted header value.
const REL = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,"]+))/i;
const PAGE_INFO = /[?&]page_info=([^&#]*)/;
const WHITESPACE = /\s+/g;

/**
 * The header as a list of entries. Genstore's documentation prints the whole value in double quotes
 * (`"<...>; rel=next"`, sometimes with the inner quotes escaped); those outer quotes are not part of it.
 */
function unwrap(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length < 2 || !trimmed.startsWith('"') || !trimmed.endsWith('"')) return trimmed;
  return trimmed.slice(1, -1).replace(/\\"/g, '"').trim();
}

function pageInfo(url: string): string | null {
  // A URL holds no whitespace: spaces or a line break inside `< >` are layout, never part of the cursor.
  const raw = PAGE_INFO.exec(url.replace(WHITESPACE, ''))?.[1];
  if (!raw) return null;
  try {
    return decodeURIComponent(raw).trim() || null;
  } catch {
    return null;
  }
}

/**
 * The page_info cursors of a SHOPLINE `link` header (RFC 8288 entries, comma-separated, possibly across
 * lines). Only the cursor is taken: the URL's host is never followed, the client rebuilds the request on
 * its configured base URL.
 */
export function parseLinkHeader(value: string | null): LinkCursors {
  let next: string | null = null;
  let previous: string | null = null;
  if (!value) return { next, previous };
  for (const [, url = '', params = ''] of unwrap(value).matchAll(ENTRY)) {
    const rel = REL.exec(params);
    const rels = (rel?.[1] ?? rel?.[2] ?? '').trim().toLowerCase().split(WHITESPACE);
    const cursor = pageInfo(url);
    if (cursor === null) continue;
    if (rels.includes('next')) next ??= cursor;
    if (rels.includes('previous') || rels.includes('prev')) previous ??= cursor;
  }
  return { next, previous };
}
