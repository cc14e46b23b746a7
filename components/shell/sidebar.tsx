import type { Role } from '@/lib/auth/roles';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';

export function Sidebar({ organizationName, email, role }: { organizationName: string; email: string; role: Role }) {
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden /> Fundsight
      </div>
      <NavLinks role={role} />
      <div className="sidebar-foot">
        <div>
          <div className="org-name">{organizationName}</div>
          <div className="faint">
            {email} · {role}
          </div>
        </div>
        <SignOutButton />
      </div>
    </aside>
  );
}
