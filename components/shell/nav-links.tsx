'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** A link of the main nav; the server picks those the person's role may follow (sidebar.tsx). */
export interface NavLink {
  readonly href: string;
  readonly label: string;
}

export function NavLinks({ links }: { links: readonly NavLink[] }) {
  const pathname = usePathname();
  return (
    <nav className="nav" aria-label="Main">
      {links.map((link) => {
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
