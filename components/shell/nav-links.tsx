'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [{ href: '/', label: 'Balances', minRole: 'viewer' }] as const;

export function NavLinks({ role: _role }: { role: string }) {
  const pathname = usePathname();
  return (
    <nav className="nav" aria-label="Main">
      {LINKS.map((link) => {
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
