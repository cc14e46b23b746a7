import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import { log } from '@/lib/log';
import { ApiError, type ApiErrorDetails } from './api-error';

export function errorResponse(status: number, code: string, message: string, details: ApiErrorDetails = {}): NextResponse {
  return NextResponse.json({ error: { code, message, ...details } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

type Handler<Params> = (request: NextRequest, context: { params: Promise<Params> }) => Promise<Response>;

/** Maps ApiError to its status and anything else to a generic 500 that leaks nothing. */
export function apiRoute<Params = Record<string, never>>(handler: Handler<Params>): Handler<Params> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error.status, error.code, error.message, error.details);
      log.error('api.unhandled', {
        path: request.nextUrl.pathname,
        error: error instanceof Error ? error.name : 'unknown',
      });
      return errorResponse(500, 'internal', 'Something went wrong on our side. Try again.');
    }
  };
}

/**
 * Parses query parameters strictly: an unknown or invalid parameter is a 400 naming it.
 * Repeated parameters arrive as arrays.
 */
export function parseQuery<T>(schema: z.ZodType<T>, params: URLSearchParams): T {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    raw[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const name = issue.keys[0] ?? '';
    throw new ApiError(400, 'invalid_parameter', `Unknown query parameter "${name}".`);
  }
  const name = issue?.path.join('.') || 'query';
  throw new ApiError(400, 'invalid_parameter', `Invalid query parameter "${name}": ${issue?.message ?? 'invalid'}.`);
}

export function json<T>(body: T, init?: ResponseInit): NextResponse {
  return NextResponse.json(body, { ...init, headers: { 'Cache-Control': 'private, no-store', ...init?.headers } });
}
