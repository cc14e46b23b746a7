'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { hasRole, type Role } from '@/lib/auth/roles';

const LINKS: readonly { href: string; label: string; minRole: Role }[] = [
  { href: '/', label: 'Balances', minRole: 'viewer' },
  { href: '/transactions', label: 'Transactions', minRole: 'finance' },
  { href: '/payouts', label: 'Payouts', minRole: 'finance' },
  { href: '/flows', label: 'Flows', minRole: 'finance' },
  { href: '/exports', label: 'My exports', minRole: 'finance' },
  // Everyone has My account there; admins also connections, members and the organization.
  { href: '/settings', label: 'Settings', minRole: 'viewer' },
];

export function NavLinks({ role }: { role: Role }) {
  const pathname = usePathname();
  return (
    <nav className="nav" aria-label="Main">
      {LINKS.filter((link) => hasRole(role, link.minRole)).map((link) => {
        const active = link.href === '/' ? pathname === '/' : pathname.startsWith(link.href);
        return (
          <Link key={link.href} href={link.href} aria-current={active ? 'page' : undefined}>
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
