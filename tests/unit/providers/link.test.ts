import { describe, expect, it } from 'vitest';
import { parseLinkHeader } from '@/lib/providers/shopline/link';

const base = 'https://open001.myshopline.com/admin/openapi/v20250601/payments/store/balance_transactions.json';
const docCursor = 'eyJwYXlvdXRTdGF0dXMiOiJjb21wbGV0ZWQiLCJzaW5jZUlkIjoiMjAyMjA3MjkxNDUxMjIzODIwMDExMTMwMDAwIiwicGFnZVR5cGUiOiJORVhUIn0%3D';
const docCursorDecoded = decodeURIComponent(docCursor);

describe('parseLinkHeader', () => {
  it.each([
    ['absent header', null, { next: null, previous: null }],
    ['empty header', '', { next: null, previous: null }],
    ['single next', `<${base}?limit=1000&page_info=NEXT1>; rel="next"`, { next: 'NEXT1', previous: null }],
    [
      'next and previous on one line',
      `<${base}?limit=1000&page_info=N2>; rel="next", <${base}?limit=1000&page_info=P2>; rel="previous"`,
      { next: 'N2', previous: 'P2' },
    ],
    [
      'next and previous across a newline',
      `<${base}?limit=1000&page_info=N3>; rel="next",\n  <${base}?limit=1000&page_info=P3>; rel="previous"`,
      { next: 'N3', previous: 'P3' },
    ],
    [
      'previous first',
      `<${base}?page_info=P4&limit=10>; rel="previous", <${base}?page_info=N4&limit=10>; rel="next"`,
      { next: 'N4', previous: 'P4' },
    ],
    ['previous only (last page)', `<${base}?limit=1000&page_info=P5>; rel="previous"`, { next: null, previous: 'P5' }],
    ['URL-encoded page_info', `<${base}?limit=1000&page_info=${docCursor}>; rel="next"`, { next: docCursorDecoded, previous: null }],
    ['unquoted rel and odd spacing', `<${base}?page_info=N6> ;rel=next`, { next: 'N6', previous: null }],
    ['upper-case rel', `<${base}?page_info=N7>; REL="Next"`, { next: 'N7', previous: null }],
    ['entry without page_info', `<${base}?limit=1000>; rel="next"`, { next: null, previous: null }],
    ['garbage', 'not a link header', { next: null, previous: null }],
  ])('%s', (_name, header, expected) => {
    expect(parseLinkHeader(header)).toEqual(expected);
  });

  // Genstore's documentation prints the header's value in double quotes; the rel may then be bare or quoted.
  it.each([
    ['whole value quoted, bare rel', `"<${base}?limit=1000&page_info=Q1>; rel=next"`, { next: 'Q1', previous: null }],
    ['whole value quoted, quoted rel', `"<${base}?limit=1000&page_info=Q2>; rel="next""`, { next: 'Q2', previous: null }],
    ['whole value quoted, escaped rel quotes', `"<${base}?page_info=Q3>; rel=\\"next\\""`, { next: 'Q3', previous: null }],
    [
      'whole value quoted, two entries across a newline',
      `"<${base}?limit=2&page_info=Q4N>; rel=next,\n <${base}?limit=2&page_info=Q4P>; rel=previous"`,
      { next: 'Q4N', previous: 'Q4P' },
    ],
    ['each entry quoted', `"<${base}?page_info=Q5N>; rel=next", "<${base}?page_info=Q5P>; rel=previous"`, { next: 'Q5N', previous: 'Q5P' }],
    ['rel with spaces around =', `<${base}?page_info=Q6>; rel = "next"`, { next: 'Q6', previous: null }],
    ['spaces inside < >', `< ${base}?limit=1000&page_info=${docCursor} >; rel="next"`, { next: docCursorDecoded, previous: null }],
    ['a line break inside < >', `<${base}?limit=1000&\n  page_info=Q8>; rel="next"`, { next: 'Q8', previous: null }],
    ['CRLF between entries', `<${base}?page_info=Q9N>; rel="next",\r\n\t<${base}?page_info=Q9P>; rel="previous"`, { next: 'Q9N', previous: 'Q9P' }],
  ])('%s', (_name, header, expected) => {
    expect(parseLinkHeader(header)).toEqual(expected);
  });

  it('never yields a cursor with surrounding whitespace (it would be sent as "%3D+")', () => {
    const { next } = parseLinkHeader(`<${base}?page_info=${docCursor} >; rel="next"`);
    expect(next).toBe(docCursorDecoded);
    expect(next).not.toMatch(/\s/);
  });

  it('ignores an empty page_info', () => {
    expect(parseLinkHeader(`<${base}?page_info=%20>; rel="next"`)).toEqual({ next: null, previous: null });
  });

  it('keeps a literal "+" of a base64 cursor (it is not a space)', () => {
    expect(parseLinkHeader(`<${base}?page_info=ab+c=>; rel="next"`).next).toBe('ab+c=');
  });


  it('returns only the cursor, never the host it came with', () => {
    const parsed = parseLinkHeader('<https://evil.example.com/steal?page_info=abc>; rel="next"');
    expect(parsed.next).toBe('abc');
  });
});
