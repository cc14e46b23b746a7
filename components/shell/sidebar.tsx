import type { Role } from '@/lib/auth/roles';
import type { Theme } from '@/lib/ui/theme';
import { NavLinks } from './nav-links';
import { NavToggle } from './nav-toggle';
import { SignOutButton } from './sign-out-button';
import { ThemeToggle } from './theme-toggle';

export function Sidebar({
  organizationName,
  email,
  role,
  theme,
}: {
  organizationName: string;
  email: string;
  role: Role;
  theme: Theme;
}) {
  return (
    <aside className="sidebar">
      <div className="sidebar-bar">
        <div className="brand">
          <span className="brand-mark" aria-hidden /> Fundsight
        </div>
        <NavToggle controls="sidebar-panel" />
      </div>
      <div className="sidebar-panel" id="sidebar-panel">
        <NavLinks role={role} />
        <div className="sidebar-foot">
          <div className="sidebar-who">
            <div className="org-name">{organizationName}</div>
            <div className="muted sidebar-email">
              {email} · {role}
            </div>
          </div>
          <div className="sidebar-actions">
            <ThemeToggle initial={theme} />
            <SignOutButton />
          </div>
        </div>
      </div>
    </aside>
  );
}
