'use client';

import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { getQueryClient } from '@/lib/query/client';
import { ApiClientError } from '@/lib/query/fetch-json';
import { ExportWatcher } from './exports/export-watcher';
import { ToastProvider } from './ui/toast';

/** An expired session turns any API call into a 401: send the person to sign in, then back here. */
function SessionExpiryRedirect() {
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  useEffect(() => {
    const isExpired = (error: unknown) => error instanceof ApiClientError && error.status === 401;
    // The whole deep link, filters and cursor included, so signing in again lands on the same view.
    const redirect = () =>
      router.replace(`/sign-in?callbackUrl=${encodeURIComponent(window.location.pathname + window.location.search)}`);
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && isExpired(event.query.state.error)) redirect();
    });
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && isExpired(event.mutation?.state.error)) redirect();
    });
    return () => {
      unsubscribeQueries();
      unsubscribeMutations();
    };
  }, [queryClient, router, pathname]);
  return null;
}

export function Providers({ children }: { children: React.ReactNode }) {
  const queryClient = getQueryClient();
  return (
    <QueryClientProvider client={queryClient}>
      <SessionExpiryRedirect />
      <ToastProvider>
        {children}
        <ExportWatcher />
      </ToastProvider>
    </QueryClientProvider>
  );
}
