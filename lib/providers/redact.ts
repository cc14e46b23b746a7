import 'server-only';

export const REDACTED = '[REDACTED]';

// Shapes that carry credentials whatever their value, so they are masked even when not configured as secrets.
const CREDENTIAL_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  [
    /\b((?:access[-_]?token|refresh[-_]?token|client[-_]?secret|authorization|password|api[-_]?key)["']?\s*[:=]\s*["']?)[^"'&\s,;}]+/gi,
    `$1${REDACTED}`,
  ],
];

/** Replaces every configured secret (raw and URL-encoded) and every credential-shaped value in text. */
export function redact(text: string, secrets: readonly string[] = []): string {
  const variants = new Set<string>();
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    variants.add(secret);
    variants.add(encodeURIComponent(secret));
  }
  let out = text;
  for (const variant of [...variants].sort((a, b) => b.length - a.length)) out = out.split(variant).join(REDACTED);
  for (const [pattern, replacement] of CREDENTIAL_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

const MAX_DETAIL_LENGTH = 200;

/** A provider's short error text made safe to show: redacted, single line, bounded. */
export function safeDetail(text: string, secrets: readonly string[]): string {
  const oneLine = redact(text, secrets).replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return oneLine.length > MAX_DETAIL_LENGTH ? `${oneLine.slice(0, MAX_DETAIL_LENGTH - 1)}…` : oneLine;
}
