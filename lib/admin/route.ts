import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import type { Role } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/session-user';
import { getDb } from '@/lib/db/client';
import { ConnectionInputError } from '@/lib/db/connections';
import type { Db } from '@/lib/db/types';
import { ApiError } from '@/lib/http/api-error';
import { apiRoute } from '@/lib/http/handler';
import type { PathParam } from '@/lib/http/params';
import type { Actor } from './audit';
import { FieldError } from './errors';
import { fieldErrorsOf } from './schemas';
import { noQuery } from '@/lib/http/query';

export interface MutationContext<Body, Params> {
  readonly user: SessionUser;
  readonly actor: Actor & { userId: string; sessionId: string | null };
  readonly body: Body;
  readonly params: Params;
  readonly db: Db;
  /** This app's origin as the browser sees it, for links it will open (invitations). */
  readonly origin: string;
}

const MAX_BODY_BYTES = 64 * 1024;

/** Cross-site requests carry another Origin (or, for old browsers, none with a foreign Referer): refused. */
export function assertSameOrigin(request: NextRequest): void {
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  let originHost: string | null = null;
  try {
    originHost = origin ? new URL(origin).host : null;
  } catch {
    originHost = null;
  }
  if (!originHost || !host || originHost !== host) {
    throw new ApiError(403, 'cross_origin', 'This change must come from the Fundsight page itself.');
  }
}

async function readBody<T>(request: NextRequest, schema: z.ZodType<T>): Promise<T> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new ApiError(413, 'too_large', 'The request is too large.');
  let raw: unknown = {};
  if (text.trim() !== '') {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'invalid_json', 'The request body is not JSON.');
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new FieldError(fieldErrorsOf(parsed.error));
  return parsed.data;
}

function fieldErrorResponse(error: FieldError): NextResponse {
  return NextResponse.json(
    { error: { code: error.code, message: error.message, fields: error.fields } },
    { status: 400, headers: { 'Cache-Control': 'no-store' } },
  );
}

/**
 * A settings mutation: signed in with at least `role` (admin by default), same-origin only, path ids checked
 * against their formats, body parsed with the schema its form shares; field errors come back as
 * `{ error: { fields } }`.
 */
export function settingsMutation<Body, Params extends Record<string, string> = Record<string, never>>(
  options: { schema: z.ZodType<Body>; role?: Role; params?: Readonly<Record<keyof Params & string, PathParam>> },
  handler: (context: MutationContext<Body, Params>) => Promise<Response>,
) {
  return apiRoute<Record<string, never>, keyof Params & string>(
    { role: options.role ?? 'admin', query: noQuery, params: options.params },
    async ({ request, user, params }) => {
      try {
        assertSameOrigin(request);
        const body = await readBody(request, options.schema);
        const actor = { userId: user.userId, email: user.email, organizationId: user.organizationId, sessionId: user.sessionId ?? null };
        const origin = request.headers.get('origin') ?? request.nextUrl.origin;
        return await handler({ user, actor, body, params: params as Params, db: await getDb(), origin });
      } catch (error) {
        if (error instanceof FieldError) return fieldErrorResponse(error);
        if (error instanceof ConnectionInputError && error.fields.includes('label')) {
          return fieldErrorResponse(new FieldError({ label: 'Another connection already has this label.' }));
        }
        throw error;
      }
    },
  );
}
