'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';

/**
 * How a view's state is read from its URL and written back: the list's lenient reader over its zod schema
 * (a bad value falls back, and UrlNotice names it) and its writer (stable order, defaults left out).
 */
export interface UrlCodec<State> {
  readonly read: (params: URLSearchParams) => State;
  readonly write: (state: State) => URLSearchParams;
}

/** A list's query together with the account it shows, which rides first in the URL as `account`. */
export interface AccountView<Query> {
  readonly account: string | null;
  readonly query: Query;
}

export function accountViewCodec<Query>(
  read: (params: URLSearchParams) => Query,
  write: (query: Query) => URLSearchParams,
): UrlCodec<AccountView<Query>> {
  return {
    read: (params) => ({ account: params.get('account'), query: read(params) }),
    write: ({ account, query }) => new URLSearchParams([...(account === null ? [] : [['account', account]]), ...write(query)]),
  };
}

/**
 * The one way a view keeps its state in the URL: read on every render from the current URL (deep links,
 * reloads, Back and Forward), changed by a history entry per change without a server round trip; the
 * view's queries fetch what the new state needs while the current rows stay on screen.
 */
export function useUrlState<State>(codec: UrlCodec<State>): readonly [State, (next: State) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const state = useMemo(() => codec.read(new URLSearchParams(params.toString())), [codec, params]);
  const setState = useCallback(
    (next: State) => {
      const search = codec.write(next).toString();
      window.history.pushState(null, '', search ? `${pathname}?${search}` : pathname);
    },
    [codec, pathname],
  );
  return [state, setState] as const;
}
