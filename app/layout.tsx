import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import { cookies } from 'next/headers';
import { Providers } from '@/components/providers';
import { geistMono, geistSans } from '@/lib/ui/fonts';
import { parseTheme, THEME_COOKIE } from '@/lib/ui/theme';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Fundsight', template: '%s · Fundsight' },
  description: 'Balances, transactions and payouts across your payment providers.',
  icons: { icon: '/favicon.svg' },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f6f7f9' },
    { media: '(prefers-color-scheme: dark)', color: '#0f1320' },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so Next can put this request's CSP nonce (see proxy.ts) on its scripts.
  await connection();
  // The chosen theme is rendered by the server, so the first paint is already in it (no flash, no inline script).
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={`${geistSans.variable} ${geistMono.variable}`} data-theme={theme === 'system' ? undefined : theme}>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
