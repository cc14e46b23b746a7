/** A URL value the page could not use, and what it applied instead (null: no filter). */
export interface UrlNotice {
  readonly key: string;
  readonly given: string;
  readonly applied: string | null;
}

const sameList = (a: string, b: string) => a.split(',').sort().join(',') === b.split(',').sort().join(',');

/**
 * The browser reads a URL leniently (a bad value falls back), so it says which values it dropped:
 * every given parameter whose applied form differs, except those in `skip` (the account, the cursor).
 */
export function urlNotices(
  given: URLSearchParams,
  applied: URLSearchParams,
  options: { readonly defaults?: Readonly<Record<string, string>>; readonly lists?: readonly string[]; readonly skip?: readonly string[] } = {},
): UrlNotice[] {
  const notices: UrlNotice[] = [];
  for (const key of new Set(given.keys())) {
    if (options.skip?.includes(key)) continue;
    const raw = given.getAll(key).join(',');
    const used = applied.get(key) ?? options.defaults?.[key] ?? null;
    const same = used !== null && (options.lists?.includes(key) ? sameList(raw, used) : raw === used);
    if (!same) notices.push({ key, given: raw.slice(0, 80), applied: used });
  }
  return notices;
}
