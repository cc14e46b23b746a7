'use client';

import { useSearchParams } from 'next/navigation';
import { urlNotices } from '@/lib/ui/url-notices';

/** Names the link's values the page could not use and what it shows instead, rather than ignoring them silently. */
export function UrlNotice({
  applied,
  defaults,
  lists,
}: {
  applied: URLSearchParams;
  defaults?: Readonly<Record<string, string>>;
  lists?: readonly string[];
}) {
  const given = useSearchParams();
  const notices = urlNotices(new URLSearchParams(given.toString()), applied, { defaults, lists, skip: ['account', 'cursor', 'list'] });
  if (notices.length === 0) return null;
  return (
    <div className="alert alert-warning" role="status" aria-label="Link values not applied">
      <div>
        <div className="alert-title">Some values in this link could not be used</div>
        <ul className="url-notices">
          {notices.map((notice) => (
            <li key={notice.key}>
              <span className="mono">
                {notice.key}={notice.given}
              </span>{' '}
              is not valid here; showing {notice.applied === null ? 'no filter for it' : <span className="mono">{notice.key}={notice.applied}</span>}{' '}
              instead.
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
