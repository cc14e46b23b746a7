import { Sidebar } from '@/components/shell/sidebar';
import { requirePageSession } from '@/lib/auth/session';

// Every dashboard page is per user and per request.
export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageSession();
  return (
    <div className="shell">
      <Sidebar organizationName={user.organizationName} email={user.email} role={user.role} />
      <main className="main" id="main">
        {children}
      </main>
    </div>
  );
}
