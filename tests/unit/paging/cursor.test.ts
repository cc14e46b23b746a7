import { describe, expect, it } from 'vitest';
import { createCursorCodec, type CursorScope, type CursorState } from '@/lib/paging/cursor';
import { ApiError } from '@/lib/http/api-error';

const codec = createCursorCodec('a-test-secret-that-is-long-enough-for-hkdf');
const scope: CursorScope = {
  kind: 'transactions',
  organizationId: '0b9f3c1e-8f3a-4c55-9d7e-1f2a3b4c5d6e',
  connectionId: '7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6',
  view: JSON.stringify([100, 'completed', null, ['payment'], '2024-03-01', null, 'UTC']),
};
const state: CursorState = {
  direction: 'next',
  position: { cursor: 'eyJwYXlvdXRTdGF0dXMiOiJjb21wbGV0ZWQiLCJzaW5jZUlkIjoiMjAxMDEiLCJwYWdlVHlwZSI6Ik5FWFQifQ==', index: 37, anchorId: '2010112345678901234' },
};

function rejects(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_parameter' });
    expect((error as ApiError).message).toMatch(/cursor/);
    return;
  }
  throw new Error('expected the cursor to be refused');
}

describe('app cursor', () => {
  it.each<CursorState>([
    state,
    { direction: 'previous', position: { cursor: null, index: 0 } },
    { direction: 'previous', position: { cursor: 'abc', index: -1 } },
  ])('round-trips %j', (value) => {
    const token = codec.encode(scope, value);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(codec.decode(scope, token)).toEqual(value);
  });

  it('stays compact', () => {
    expect(codec.encode(scope, state).length).toBeLessThan(250);
  });

  it.each<[string, Partial<CursorScope>]>([
    ['another connection', { connectionId: '11111111-2222-4333-8444-555555555555' }],
    ['another organization', { organizationId: '11111111-2222-4333-8444-555555555555' }],
    ['another list', { kind: 'payouts' }],
    ['other filters', { view: JSON.stringify([100, 'failed', null, ['payment'], '2024-03-01', null, 'UTC']) }],
  ])('is refused for %s', (_name, change) => {
    const token = codec.encode(scope, state);
    rejects(() => codec.decode({ ...scope, ...change }, token));
  });

  it('is refused when signed with another secret', () => {
    const token = createCursorCodec('another-secret-that-is-also-long-enough').encode(scope, state);
    rejects(() => codec.decode(scope, token));
  });

  it('is refused when the payload is altered', () => {
    const [body, mac] = codec.encode(scope, state).split('.');
    const altered = Buffer.from(
      Buffer.from(body ?? '', 'base64url').toString('utf8').replace('37', '38'),
    ).toString('base64url');
    rejects(() => codec.decode(scope, `${altered}.${mac}`));
  });

  it.each(['', 'x', 'a.b.c', 'not base64!.abc', `${Buffer.from('[1,"n",null,0]').toString('base64url')}.AAAA`])(
    'is refused when malformed: %j',
    (token) => rejects(() => codec.decode(scope, token)),
  );
});
