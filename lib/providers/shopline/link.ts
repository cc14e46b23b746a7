export interface LinkCursors {
  readonly next: string | null;
  readonly previous: string | null;
}

const ENTRY = /<([^>]*)>([^<]*)/g;
const REL = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i;
const PAGE_INFO = /[?&]page_info=([^&#]*)/;

function pageInfo(url: string): string | null {
  const raw = PAGE_INFO.exec(url)?.[1];
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * The page_info cursors of a SHOPLINE `link` header. Only the cursor is taken: the URL's host is
 * never followed, the client rebuilds the request on its configured base URL.
 */
export function parseLinkHeader(value: string | null): LinkCursors {
  let next: string | null = null;
  let previous: string | null = null;
  if (!value) return { next, previous };
  for (const [, url = '', params = ''] of value.matchAll(ENTRY)) {
    const rel = REL.exec(params);
    const rels = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    const cursor = pageInfo(url);
    if (cursor === null) continue;
    if (rels.includes('next')) next ??= cursor;
    if (rels.includes('previous') || rels.includes('prev')) previous ??= cursor;
  }
  return { next, previous };
}
