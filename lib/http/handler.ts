import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import { requireApiSession } from '@/lib/auth/session';
import type { Role } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/session-user';
import { DatabaseUnavailableError } from '@/lib/db/types';
import { log, withLogFields } from '@/lib/log';
import { ApiError, notFound, type ApiErrorDetails } from './api-error';
import type { PathParam } from './params';
import { parseQuery } from './query';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id';

/** A query schema, or a reader for a query split over several schemas (the export's), with the keys it accepts. */
export type QueryReader<T> = z.ZodType<T> | { readonly keys: readonly string[]; readonly parse: (params: URLSearchParams) => T };

export interface RouteSpec<Query, Names extends string> {
  /** The least role the route serves; 401 without a session, 403 below it. */
  readonly role: Role;
  readonly query: QueryReader<Query>;
  /** The path's dynamic segments and their formats; a malformed one is a 404 before anything is read. */
  readonly params?: Readonly<Record<Names, PathParam>>;
}

export interface RouteContext<Query, Names extends string> {
  readonly request: NextRequest;
  readonly user: SessionUser;
  readonly query: Query;
  readonly params: Readonly<Record<Names, string>>;
  readonly requestId: string;
  readonly signal: AbortSignal;
}

type NextHandler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** What the route declares, readable by tests that walk every route (the fuzz test). */
export type ApiRouteHandler<Query, Names extends string> = NextHandler & { readonly spec: RouteSpec<Query, Names> };

export function errorResponse(
  status: number,
  code: string,
  message: string,
  details: ApiErrorDetails = {},
  requestId?: string,
): NextResponse {
  const body = { error: { code, message, ...details, ...(requestId === undefined ? {} : { requestId }) } };
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (requestId !== undefined) headers[REQUEST_ID_HEADER] = requestId;
  return NextResponse.json(body, { status, headers });
}

/** Every failure as the shared error body: ApiError as it says, an unreachable database as 503, anything else a 500 that leaks nothing. */
function failureResponse(error: unknown, request: NextRequest, requestId: string): NextResponse {
  if (error instanceof ApiError) return errorResponse(error.status, error.code, error.message, error.details, requestId);
  if (error instanceof DatabaseUnavailableError) {
    log.error('api.database_unavailable', { path: request.nextUrl.pathname });
    return errorResponse(503, 'unavailable', 'The service is unavailable right now. Try again shortly.', {}, requestId);
  }
  log.error('api.unhandled', {
    path: request.nextUrl.pathname,
    error: error instanceof Error ? error.name : 'unknown',
    message: error instanceof Error ? error.message.slice(0, 200) : null,
  });
  return errorResponse(500, 'internal', 'Something went wrong on our side. Try again.', {}, requestId);
}

function readParams<Names extends string>(specs: Readonly<Record<Names, PathParam>> | undefined, raw: Record<string, string>): Record<Names, string> {
  const out = {} as Record<Names, string>;
  for (const name of Object.keys(specs ?? {}) as Names[]) {
    const spec = (specs as Record<Names, PathParam>)[name];
    const value = raw[name];
    if (typeof value !== 'string' || !spec.pattern.test(value)) throw notFound(spec.what);
    out[name] = value;
  }
  return out;
}

/** The parameter names a query reader accepts: a strict object's keys, through refinements and transforms. */
export function queryKeys(reader: QueryReader<unknown>): string[] {
  if ('keys' in reader && !('safeParse' in reader)) return [...reader.keys];
  let def = (reader as z.ZodType)._zod.def as { type: string; in?: z.ZodType; shape?: Record<string, unknown> };
  while (def.type === 'pipe' && def.in) def = def.in._zod.def as typeof def;
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

export function readQuery<T>(reader: QueryReader<T>, params: URLSearchParams): T {
  return 'keys' in reader && !('safeParse' in reader) ? reader.parse(params) : parseQuery(reader as z.ZodType<T>, params);
}

/**
 * The one wrapper of every API route: request id in and out (and in every log line and error body),
 * session and role, path ids and the query checked, then the handler; every failure mapped to the
 * shared error body.
 */
export function apiRoute<Query, Names extends string = never>(
  spec: RouteSpec<Query, Names>,
  handler: (context: RouteContext<Query, Names>) => Promise<Response>,
): ApiRouteHandler<Query, Names> {
  return wrap(spec, async (request, requestId, raw) => {
    const user = await requireApiSession(spec.role);
    const params = readParams(spec.params, raw);
    const query = readQuery(spec.query, request.nextUrl.searchParams);
    return handler({ request, user, query, params, requestId, signal: request.signal });
  });
}

/**
 * A route that needs no session (an invitation link is its own authorisation), with the same request ids,
 * path and query checks and error mapping as every other route.
 */
export function publicApiRoute<Query, Names extends string = never>(
  spec: Omit<RouteSpec<Query, Names>, 'role'>,
  handler: (context: Omit<RouteContext<Query, Names>, 'user'>) => Promise<Response>,
): NextHandler {
  return wrap(spec, async (request, requestId, raw) => {
    const params = readParams(spec.params, raw);
    const query = readQuery(spec.query, request.nextUrl.searchParams);
    return handler({ request, query, params, requestId, signal: request.signal });
  });
}

function wrap<Spec>(
  spec: Spec,
  run: (request: NextRequest, requestId: string, params: Record<string, string>) => Promise<Response>,
): NextHandler & { readonly spec: Spec } {
  const route: NextHandler = async (request, context) => {
    const requestId = requestIdOf(request.headers);
    return withLogFields({ requestId }, async () => {
      let response: Response;
      try {
        response = await run(request, requestId, await context.params);
      } catch (error) {
        return failureResponse(error, request, requestId);
      }
      response.headers.set(REQUEST_ID_HEADER, requestId);
      return response;
    });
  };
  return Object.assign(route, { spec });
}

export { parseQuery } from './query';

export function json<T>(body: T, init?: ResponseInit): NextResponse {
  return NextResponse.json(body, { ...init, headers: { 'Cache-Control': 'private, no-store', ...init?.headers } });
}
