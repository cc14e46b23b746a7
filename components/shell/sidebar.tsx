import { hasRole, type Role } from '@/lib/auth/roles';
import type { Theme } from '@/lib/ui/theme';
import { NavLinks, type NavLink } from './nav-links';
import { NavToggle } from './nav-toggle';
import { SignOutButton } from './sign-out-button';
import { ThemeToggle } from './theme-toggle';

const LINKS: readonly (NavLink & { minRole: Role })[] = [
  { href: '/', label: 'Balances', minRole: 'viewer' },
  { href: '/transactions', label: 'Transactions', minRole: 'finance' },
  { href: '/payouts', label: 'Payouts', minRole: 'finance' },
  { href: '/flows', label: 'Flows', minRole: 'finance' },
  { href: '/exports', label: 'My exports', minRole: 'finance' },
  // Everyone has My account there; admins also connections, members and the organization.
  { href: '/settings', label: 'Settings', minRole: 'viewer' },
];

/** The links a role may follow, worked out here on the server: the browser's nav needs no role schema. */
function navLinksFor(role: Role): NavLink[] {
  return LINKS.filter((link) => hasRole(role, link.minRole)).map(({ href, label }) => ({ href, label }));
}

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
        <NavLinks links={navLinksFor(role)} />
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
