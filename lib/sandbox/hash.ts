// Stateless 32-bit hashing: any record can be regenerated from (seed, salt, index, field) in O(1).

function fmix32(input: number): number {
  let h = input;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function absorb(state: number, value: number): number {
  const k = Math.imul(Math.imul(value | 0, 0xcc9e2d51), 0x1b873593);
  return fmix32((state ^ k) + 0xe6546b64);
}

export function hash32(seed: number, salt: number, index: number, field: number): number {
  return absorb(absorb(absorb(fmix32(seed >>> 0), salt), index), field);
}

/** Uniform float in [0, 1) for picking shapes of data, never for money values themselves. */
export function unit(seed: number, salt: number, index: number, field: number): number {
  return hash32(seed, salt, index, field) / 0x100000000;
}

export function intBetween(seed: number, salt: number, index: number, field: number, min: number, max: number): number {
  return min + (hash32(seed, salt, index, field) % (max - min + 1));
}

/** FNV-1a of a label, used to give each account its own salt. */
export function saltOf(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i += 1) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** `count` pseudo-random decimal digits, nine per hash. */
export function digits(seed: number, salt: number, index: number, field: number, count: number): string {
  let out = '';
  for (let part = 0; out.length < count; part += 1) {
    const chunk = hash32(seed, salt, index, field * 31 + part) % 1_000_000_000;
    out += chunk >= 100_000_000 ? String(chunk) : String(chunk).padStart(9, '0');
  }
  return out.length === count ? out : out.slice(0, count);
}
