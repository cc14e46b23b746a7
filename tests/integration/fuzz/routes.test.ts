import fc from 'fast-check';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session-user';
import { hasRole, type Role } from '@/lib/auth/roles';
import { forbidden } from '@/lib/http/api-error';
import type { ApiRouteHandler } from '@/lib/http/handler';
import { emptyDatabase } from '../db/databases';
import { sandboxPerSuite } from '../providers/support';
import { BOUNDARY_VALUES, pathValue, valuesFor } from './values';

/**
 * Property: every API route, for every query parameter it declares, answers random and boundary input
 * with 2xx, 3xx or 4xx (a 400 naming a parameter), within its time budget; never 500. The handlers run for
 * real, against a real database (a fresh PostgreSQL schema, seeded with the demo) and a real sandbox over HTTP;
 * only the session is given, as the demo admin after a real password check.
 */

process.env.FUNDSIGHT_LOG = 'silent';
process.env.PROVIDER_MAX_RETRIES = '0';
process.env.PROVIDER_TIMEOUT_MS = '3000';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({
  requireApiSession: async (role: Role) => {
    if (!session.user) throw new Error('no session');
    if (!hasRole(session.user.role, role)) throw forbidden();
    return session.user;
  },
}));

/** Slowest answer allowed: the walk's budget is 3 s and the provider timeout 3 s; 10 s leaves room for a loaded CI machine. */
const TIME_BUDGET_MS = 10_000;
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 150);

type Route = { path: string; handler: ApiRouteHandler<unknown, string> };
const modules = import.meta.glob<{ GET?: ApiRouteHandler<unknown, string> }>('../../../app/api/**/route.ts');
const outcomes = new Map<number, number>();
const slowest = { ms: 0, url: '' };
let requests = 0;

const sandbox = sandboxPerSuite({ rateLimits: false });
let routes: Route[] = [];
let connections: { id: string; provider: string }[] = [];
let dropDatabase: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  const database = await emptyDatabase('postgres');
  if (database.config.kind !== 'postgres') throw new Error('expected PostgreSQL');
  process.env.DATABASE_URL = database.config.url;
  dropDatabase = database.drop;
  const { getDb } = await import('@/lib/db');
  const { seedDemo, DEMO_PASSWORD } = await import('@/lib/db/seed');
  const { SANDBOX_ACCOUNTS } = await import('@/lib/sandbox');
  const { authorizeCredentials } = await import('@/lib/auth/options');
  const { listOrganizationConnections } = await import('@/lib/connections/load');
  const db = await getDb();
  await seedDemo(db, { sandboxUrl: sandbox.sandbox.url, accounts: SANDBOX_ACCOUNTS });
  const signedIn = await authorizeCredentials({ email: 'admin@acme.test', password: DEMO_PASSWORD });
  session.user = signedIn?.sessionUser ?? null;
  if (!session.user) throw new Error('the demo admin could not sign in');
  connections = (await listOrganizationConnections(session.user.organizationId)).map((c) => ({ id: c.id, provider: c.provider }));
  for (const [file, load] of Object.entries(modules)) {
    if (file.includes('/auth/')) continue;
    const path = file.replace('../../../app', '').replace(/\/route\.ts$/, '');
    // Mutations (POST, PATCH, PUT, DELETE) take bodies, not query parameters: their tests are the settings suites.
    const { GET } = await load();
    if (GET) routes.push({ path, handler: GET });
  }
  routes = routes.sort((a, b) => a.path.localeCompare(b.path));
}, 60_000);

afterAll(async () => {
  const { getDb } = await import('@/lib/db');
  await (await getDb()).close();
  await dropDatabase();
  const byStatus = [...outcomes.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`);
  console.info(`fuzz: ${requests} requests over ${routes.length} routes; by status ${byStatus.join(', ')}; slowest ${slowest.ms} ms (${slowest.url})`);
});

/** One query: each declared key absent, once or repeated; sometimes an undeclared or prototype key. */
function queryArbitrary(keys: readonly string[]): fc.Arbitrary<[string, string][]> {
  const entry = (key: string) =>
    fc
      .option(
        fc.oneof(
          { weight: 6, arbitrary: valuesFor(key, connections).map((value) => [value]) },
          { weight: 1, arbitrary: fc.array(valuesFor(key, connections), { minLength: 2, maxLength: 3 }) },
        ),
        { nil: undefined, freq: 2 },
      )
      .map((values) =>
      (values ?? []).map((value): [string, string] => [key, value]),
    );
  const extra = fc.option(
    fc.tuple(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'x', '', '%', '\u0000'), fc.string()), fc.constantFrom(...BOUNDARY_VALUES)),
    { freq: 5 },
  );
  return fc.tuple(fc.tuple(...keys.map(entry)), extra).map(([entries, more]) => [...entries.flat(), ...(more === null ? [] : [more])]);
}

async function call(route: Route, params: Record<string, string>, query: [string, string][], raw: boolean): Promise<void> {
  let url: string;
  let request: NextRequest;
  try {
    const search = raw ? query.map(([k, v]) => `${k}=${v}`).join('&') : new URLSearchParams(query).toString();
    const path = route.path.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
    url = `http://localhost:3520${path}?${search}`;
    request = new NextRequest(url);
  } catch {
    return; // Not a URL a client could send (a lone surrogate cannot be encoded).
  }
  const started = performance.now();
  const response = await route.handler(request, { params: Promise.resolve(params) });
  // A streamed export: its first page was read before the answer; the rest is cancelled like a client leaving.
  const text = response.headers.get('content-type')?.startsWith('text/csv') ? (await response.body?.cancel(), '') : await response.text();
  const ms = Math.round(performance.now() - started);
  requests += 1;
  outcomes.set(response.status, (outcomes.get(response.status) ?? 0) + 1);
  if (ms > slowest.ms) Object.assign(slowest, { ms, url });
  expect(ms, url).toBeLessThan(TIME_BUDGET_MS);
  expect(response.status, `${url} -> ${text.slice(0, 300)}`).not.toBe(500);
  expect([200, 400, 404, 422, 429, 502, 503, 504], `${url} -> ${response.status}`).toContain(response.status);
  expect(response.headers.get('x-request-id')).toBeTruthy();
  if (response.status === 400) {
    const body = JSON.parse(text) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.requestId).toBe(response.headers.get('x-request-id'));
    // A bad value names its parameter; the one other 400 is an account that lacks the capability asked for.
    if (body.error.code === 'unsupported') return;
    expect(body.error.code).toBe('invalid_parameter');
    const named = /[Pp]arameter "((?:[^"\\]|\\.)*)"/.exec(body.error.message)?.[1];
    expect(named, `${url}: ${body.error.message}`).toBeDefined();
  }
}

describe('every API route, fuzzed through its query schema', () => {
  it('finds the routes and their declared queries', () => {
    expect(routes.map((r) => r.path)).toContain('/api/flows');
    for (const route of routes) expect(route.handler.spec, route.path).toBeDefined();
  });

  it(
    'never answers 500 or past its time budget, and names the parameter of every 400',
    async () => {
      const { queryKeys } = await import('@/lib/http/handler');
      for (const route of routes) {
        const keys = queryKeys(route.handler.spec.query);
        const names = Object.keys(route.handler.spec.params ?? {});
        const params = fc.tuple(...names.map((name) => pathValue(name, connections))).map((values) =>
          Object.fromEntries(names.map((name, i) => [name, values[i] ?? ''])),
        );
        await fc.assert(
          fc.asyncProperty(params, queryArbitrary(keys), fc.boolean(), (p, q, raw) => call(route, p, q, raw)),
          { numRuns: RUNS_PER_ROUTE, endOnFailure: true },
        );
      }
    },
    600_000,
  );
});
