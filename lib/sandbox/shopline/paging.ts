import { encodeCursor, type Cursor } from './cursor';

export type Range = readonly [number, number];

/** The indices a filtered listing may return, as ascending disjoint [from, to) ranges, walked lazily. */
export interface RangeSource {
  /** Ranges at or after `from`, ascending. */
  forward(from: number): Iterable<Range>;
  /** Ranges strictly before `before`, descending. */
  backward(before: number): Iterable<Range>;
}

export const EMPTY_SOURCE: RangeSource = { forward: () => [], backward: () => [] };

export function fullSource(count: number): RangeSource {
  return {
    forward: (from) => (from < count ? [[Math.max(0, from), count]] : []),
    backward: (before) => (before > 0 ? [[0, Math.min(before, count)]] : []),
  };
}

/** Up to `limit` indices from `from` on, and whether more follow. */
export function collectForward(source: RangeSource, from: number, limit: number, skip: ReadonlySet<number>) {
  const indices: number[] = [];
  for (const [a, b] of source.forward(from)) {
    for (let i = Math.max(a, from); i < b; i += 1) {
      if (skip.has(i)) continue;
      if (indices.length === limit) return { indices, more: true };
      indices.push(i);
    }
  }
  return { indices, more: false };
}

/** The `limit` indices nearest before `before` (ascending), and whether more precede them. */
export function collectBackward(source: RangeSource, before: number, limit: number, skip: ReadonlySet<number>) {
  const indices: number[] = [];
  for (const [a, b] of source.backward(before)) {
    for (let i = Math.min(b, before) - 1; i >= a; i -= 1) {
      if (skip.has(i)) continue;
      if (indices.length === limit) return { indices: indices.reverse(), more: true };
      indices.push(i);
    }
  }
  return { indices: indices.reverse(), more: false };
}

export interface PageRequest {
  source: RangeSource;
  limit: number;
  skip: ReadonlySet<number>;
  /** First page: where it starts. */
  start: number;
  /** From page_info: the boundary index and direction. */
  cursor?: { pageType: Cursor['pageType']; boundary: number };
}

export interface Page {
  indices: number[];
  hasNext: boolean;
  hasPrevious: boolean;
}

export function selectPage(req: PageRequest): Page {
  const { source, limit, skip, cursor } = req;
  if (cursor?.pageType === 'PREVIOUS') {
    const { indices, more } = collectBackward(source, cursor.boundary, limit, skip);
    const last = indices.at(-1);
    const hasNext = last !== undefined && collectForward(source, last + 1, 0, skip).more;
    return { indices, hasNext, hasPrevious: more };
  }
  const from = cursor ? cursor.boundary : req.start;
  const { indices, more } = collectForward(source, from, limit, skip);
  const first = indices[0];
  const hasPrevious = cursor !== undefined && first !== undefined && collectBackward(source, first, 0, skip).more;
  return { indices, hasNext: more, hasPrevious };
}

/** The `link` header: full URLs on the request's own host, next first, or undefined when there is neither. */
export function linkHeader(
  baseUrl: string,
  limit: number,
  links: { next?: Cursor; previous?: Cursor },
): string | undefined {
  const url = (cursor: Cursor) => `<${baseUrl}?limit=${limit}&page_info=${encodeURIComponent(encodeCursor(cursor))}>`;
  const parts: string[] = [];
  if (links.next) parts.push(`${url(links.next)}; rel="next"`);
  if (links.previous) parts.push(`${url(links.previous)}; rel="previous"`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}
