import { NextRequest } from 'next/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { SessionUser } from '@/lib/auth/session-user';
import { DatabaseUnavailableError } from '@/lib/db/types';
import { ApiError } from '@/lib/http/api-error';
import { ProviderApiError } from '@/lib/connections/provider-call';

const getServerSession = vi.hoisted(() => vi.fn());
vi.mock('next-auth', () => ({ getServerSession }));

const { apiRoute, json } = await import('@/lib/http/handler');
const { connectionIdPath } = await import('@/lib/http/params');
const { noQuery } = await import('@/lib/http/query');
const { log } = await import('@/lib/log');

const org = { id: 'org-1', name: 'Acme', slug: 'acme', timezone: 'UTC', role: 'finance' as const };
const FINANCE: SessionUser = {
  userId: 'user-1',
  email: 'finance@acme.test',
  name: 'Avery',
  organizationId: org.id,
  organizationName: org.name,
  organizationTimezone: org.timezone,
  role: 'finance',
  organizations: [org],
};
const CONNECTION = `conn_${'a'.repeat(32)}`;

const noParams = { params: Promise.resolve({}) };
const get = (path: string, headers: Record<string, string> = {}) => new NextRequest(`http://localhost${path}`, { headers });
const failing = (error: unknown) => apiRoute({ role: 'viewer', query: noQuery }, () => Promise.reject(error));

beforeEach(() => getServerSession.mockResolvedValue({ expires: '2099-01-01T00:00:00Z', user: FINANCE }));
afterEach(() => vi.restoreAllMocks());

describe('apiRoute', () => {
  it('hands the handler the user, the parsed query and the checked path ids, and names the request in a header', async () => {
    const route = apiRoute(
      { role: 'finance', query: z.strictObject({ n: z.string() }), params: { connectionId: connectionIdPath } },
      async ({ user, query, params }) => json({ who: user.email, n: query.n, id: params.connectionId }),
    );
    const response = await route(get('/x?n=7'), { params: Promise.resolve({ connectionId: CONNECTION }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ who: 'finance@acme.test', n: '7', id: CONNECTION });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a sane incoming request id and replaces one that is not', async () => {
    const route = failing(new ApiError(404, 'not_found', 'x'));
    const kept = await route(get('/x', { 'x-request-id': 'abc-123.DEF:9' }), noParams);
    expect(kept.headers.get('x-request-id')).toBe('abc-123.DEF:9');
    expect(await kept.json()).toEqual({ error: { code: 'not_found', message: 'x', requestId: 'abc-123.DEF:9' } });
    const replaced = await route(get('/x', { 'x-request-id': 'bad id with spaces <script>' }), noParams);
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 401 without a session and 403 below the role, before reading the query', async () => {
    const route = apiRoute({ role: 'admin', query: noQuery }, async () => json({}));
    const forbidden = await route(get('/x?junk=1'), noParams);
    expect(forbidden.status).toBe(403);
    getServerSession.mockResolvedValue(null);
    const anonymous = await route(get('/x?junk=1'), noParams);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error).toMatchObject({ code: 'unauthenticated', requestId: expect.any(String) });
  });

  it.each(['conn_%00', 'conn_', `${CONNECTION}\u0000`, '%', `conn_${'A'.repeat(32)}`])(
    'answers a malformed path id %j as not found without calling the handler',
    async (connectionId) => {
      const handler = vi.fn(async () => json({}));
      const route = apiRoute({ role: 'viewer', query: noQuery, params: { connectionId: connectionIdPath } }, handler);
      const response = await route(get('/x'), { params: Promise.resolve({ connectionId }) });
      expect(response.status).toBe(404);
      expect((await response.json()).error).toMatchObject({ code: 'not_found', message: 'Connection not found.' });
      expect(handler).not.toHaveBeenCalled();
    },
  );

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the prototype key %s with a 400 naming it', async (key) => {
    const route = apiRoute({ role: 'viewer', query: z.object({}) }, async () => json({}));
    const response = await route(get(`/x?${key}=1`), noParams);
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe(`Query parameter "${key}" is not allowed.`);
  });

  it('answers a provider failure with its traceId and kind in the shared error body', async () => {
    const response = await failing(new ProviderApiError(502, 'The provider is unavailable right now.', 'unavailable', 't-9'))(
      get('/x', { 'x-request-id': 'req-00000001' }),
      noParams,
    );
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      error: { code: 'provider_error', message: 'The provider is unavailable right now.', traceId: 't-9', kind: 'unavailable', requestId: 'req-00000001' },
    });
  });

  it('answers an unreachable database as 503 and anything unknown as a generic 500 that leaks nothing', async () => {
    vi.spyOn(log, 'error').mockImplementation(() => undefined);
    const down = await failing(new DatabaseUnavailableError('db gone'))(get('/x'), noParams);
    expect(down.status).toBe(503);
    const bug = await failing(new TypeError('secret detail'))(get('/x'), noParams);
    expect(bug.status).toBe(500);
    const body = await bug.json();
    expect(JSON.stringify(body)).not.toContain('secret detail');
    expect(body.error.requestId).toBe(bug.headers.get('x-request-id'));
  });
});
