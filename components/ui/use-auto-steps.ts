'use client';

import { useEffect } from 'react';

/** Steps a resumable server walk takes by itself; after them a person asks to keep counting. */
export const AUTO_STEPS = 20;

interface SteppedQuery {
  readonly data?: { readonly pages: readonly unknown[] };
  readonly hasNextPage: boolean;
  readonly isFetchingNextPage: boolean;
  readonly isError: boolean;
  fetchNextPage(): Promise<unknown>;
}

/** Fetches a resumable totals walk's next step until it ends, fails or reaches AUTO_STEPS; returns the steps taken. */
export function useAutoSteps(query: SteppedQuery): number {
  const steps = query.data?.pages.length ?? 0;
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError && steps < AUTO_STEPS) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, steps, fetchNextPage]);
  return steps;
}
