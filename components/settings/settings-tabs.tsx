'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { hasRole, type Role } from '@/lib/auth/roles';

const TABS: readonly { href: string; label: string; minRole: Role }[] = [
  { href: '/settings/connections', label: 'Connections', minRole: 'admin' },
  { href: '/settings/members', label: 'Members', minRole: 'admin' },
  { href: '/settings/organization', label: 'Organization', minRole: 'admin' },
  { href: '/settings/audit', label: 'Audit log', minRole: 'admin' },
  { href: '/settings/account', label: 'My account', minRole: 'viewer' },
];

export function SettingsTabs({ role }: { role: Role }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="segmented settings-tabs">
      {TABS.filter((tab) => hasRole(role, tab.minRole)).map((tab) => (
        <Link key={tab.href} href={tab.href} aria-current={pathname.startsWith(tab.href) ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
