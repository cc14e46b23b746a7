'use client';

import { useState } from 'react';
import { THEME_COOKIE, THEMES, type Theme } from '@/lib/ui/theme';

const LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Cycles System → Light → Dark; the server reads the cookie, so the next page paints in it without a flash. */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState(initial);
  const choose = () => {
    const next = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]!;
    setTheme(next);
    if (next === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = next;
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
  };
  return (
    <button type="button" className="btn btn-small" onClick={choose} aria-label={`Theme: ${LABELS[theme]}. Change theme`}>
      Theme: {LABELS[theme]}
    </button>
  );
}
