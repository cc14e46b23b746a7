'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

/** The phone layout's menu button: opens the navigation panel; Escape, a link or an outside click close it. */
export function NavToggle({ controls }: { controls: string }) {
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState<string | null>(null);
  const pathname = usePathname();
  const button = useRef<HTMLButtonElement>(null);
  if (open && openedAt !== pathname) setOpen(false);

  useEffect(() => {
    const panel = document.getElementById(controls);
    panel?.toggleAttribute('data-open', open);
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, controls]);

  return (
    <button
      ref={button}
      type="button"
      className="btn nav-toggle"
      aria-expanded={open}
      aria-controls={controls}
      onClick={() => {
        setOpenedAt(pathname);
        setOpen(!open);
      }}
    >
      <span aria-hidden className="nav-toggle-icon" />
      Menu
    </button>
  );
}
