import localFont from 'next/font/local';

/**
 * Geist and Geist Mono, cut to the characters the screens use (scripts/subset-fonts.sh makes the files from the
 * geist package): the sans face is preloaded for every page's first paint; the mono face (ids, codes) loads
 * only on pages that show it, and is used from the view after it arrived when it comes late. The export names
 * are the CSS family names: not `sans`/`mono`, which system font configurations read as their own aliases.
 */
export const geistSans = localFont({
  src: './fonts/Geist-Variable-subset.woff2',
  variable: '--font-geist-sans',
  weight: '100 900',
});

export const geistMono = localFont({
  src: './fonts/GeistMono-Variable-subset.woff2',
  variable: '--font-geist-mono',
  weight: '100 900',
  preload: false,
  // Used only if it is there within a moment of the first id drawn (cached, after the first visit): otherwise the
  // page keeps the system monospace, instead of laying the whole table out again when the font lands (measured
  // on /transactions: a second layout of every row, 8 ms here, 4 times that on Lighthouse's phone).
  display: 'optional',
  adjustFontFallback: false,
  fallback: ['ui-monospace', 'SFMono-Regular', 'Roboto Mono', 'Menlo', 'Monaco', 'Liberation Mono', 'DejaVu Sans Mono', 'Courier New', 'monospace'],
});
