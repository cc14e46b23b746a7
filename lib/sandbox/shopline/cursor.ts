export type PageType = 'NEXT' | 'PREVIOUS';

/** The opaque page_info: filters of the first page, the boundary record id and the direction. */
export interface Cursor {
  filters: Record<string, string>;
  /** NEXT: id of the last record of the page it was issued from; PREVIOUS: id of the first one. */
  sinceId: string;
  pageType: PageType;
}

// Same shape as the example page_info in SHOPLINE's docs: {"payoutStatus":"completed","sinceId":"...","pageType":"NEXT"}.
export function encodeCursor(cursor: Cursor): string {
  const json = JSON.stringify({ ...cursor.filters, sinceId: cursor.sinceId, pageType: cursor.pageType });
  return Buffer.from(json, 'utf8').toString('base64');
}

/** Decodes page_info; undefined when it is not a cursor this endpoint issued. */
export function decodeCursor(pageInfo: string, filterKeys: readonly string[]): Cursor | undefined {
  // A '+' arrives as a space when a client forgets to URL-encode page_info; base64url is accepted too.
  const normalized = pageInfo.trim().replace(/ /g, '+').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(normalized)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(normalized, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const record = parsed as Record<string, unknown>;
  const { sinceId, pageType } = record;
  if (typeof sinceId !== 'string' || !/^\d{1,40}$/.test(sinceId)) return undefined;
  if (pageType !== 'NEXT' && pageType !== 'PREVIOUS') return undefined;
  const filters: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'sinceId' || key === 'pageType') continue;
    if (!filterKeys.includes(key) || typeof value !== 'string') return undefined;
    filters[key] = value;
  }
  return { filters, sinceId, pageType };
}
