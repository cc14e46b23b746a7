import { cookies } from 'next/headers';
import { Sidebar } from '@/components/shell/sidebar';
import { TimeZoneProvider } from '@/components/ui/time-zone';
import { requirePageSession } from '@/lib/auth/session';
import { zoneOffsetsAround } from '@/lib/domain/zone';
import { parseTheme, THEME_COOKIE } from '@/lib/ui/theme';

// Every dashboard page is per user and per request.
export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageSession();
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const offsets = zoneOffsetsOf(user.organizationTimezone);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Sidebar organizationName={user.organizationName} email={user.email} role={user.role} theme={theme} />
      <main className="main" id="main" tabIndex={-1}>
        <TimeZoneProvider timeZone={user.organizationTimezone} offsets={offsets}>{children}</TimeZoneProvider>
      </main>
    </div>
  );
}

/** The zone's offsets for the browser's date formatting; a zone Intl does not know gets none (dates then fall back to Intl). */
function zoneOffsetsOf(timeZone: string) {
  try {
    return zoneOffsetsAround(timeZone, Date.now());
  } catch {
    return undefined;
  }
}
