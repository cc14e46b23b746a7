import 'server-only';

type Query = Readonly<Record<string, string | number | null | undefined>>;

/** A URL under the configured base (never a host taken from a response); empty query values are left out. */
export function endpoint(baseUrl: string, path: string, query: Query = {}): URL {
  const base = new URL(baseUrl);
  base.search = '';
  base.hash = '';
  if (!base.pathname.endsWith('/')) base.pathname = `${base.pathname}/`;
  const url = new URL(path.replace(/^\/+/, ''), base);
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    url.searchParams.set(key, String(value));
  }
  return url;
}
