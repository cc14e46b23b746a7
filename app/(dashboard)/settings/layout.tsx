import { SettingsTabs } from '@/components/settings/settings-tabs';
import { requirePageSession } from '@/lib/auth/session';

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageSession();
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Settings</h1>
          <p className="muted">{user.organizationName}</p>
        </div>
      </div>
      <SettingsTabs role={user.role} />
      {children}
    </div>
  );
}
