/**
 * Digits grouped in threes, en-US style ("1,234,567"), with plain string work rather than Intl: the first
 * Intl call a page makes starts the browser's ICU, 25–50 ms of one task on this machine (100–200 ms on
 * Lighthouse's phone), and the pages would pay it while they hydrate. Isomorphic, so server and browser agree.
 */
export function groupDigits(digits: string): string {
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let at = head; at < digits.length; at += 3) out += `,${digits.slice(at, at + 3)}`;
  return out;
}

/** A count as en-US writes it ("12,345"); what is not a safe integer is left to Intl. */
export function formatCount(count: number): string {
  if (!Number.isSafeInteger(count)) return count.toLocaleString('en-US');
  return count < 0 ? `-${groupDigits(String(-count))}` : groupDigits(String(count));
}

/** Orders ISO codes (currencies, ids of ASCII letters) by their characters, as the UI lists them; no collator. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
