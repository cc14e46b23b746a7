import { NextResponse } from 'next/server';
import { FieldError } from '@/lib/admin/errors';
import { acceptInvitation } from '@/lib/admin/invitations';
import { assertSameOrigin } from '@/lib/admin/route';
import { acceptInvitationSchema, fieldErrorsOf } from '@/lib/admin/schemas';
import { getDb } from '@/lib/db/client';
import { json, publicApiRoute } from '@/lib/http/handler';
import { invitationTokenPath } from '@/lib/http/params';
import { noQuery } from '@/lib/http/query';

// POST /api/invitations/:token/accept: no session needed; the single-use token is the authorisation.
export const POST = publicApiRoute({ query: noQuery, params: { token: invitationTokenPath } }, async ({ request, params }) => {
  assertSameOrigin(request);
  const parsed = acceptInvitationSchema.safeParse(await request.json().catch(() => null));
  try {
    if (!parsed.success) throw new FieldError(fieldErrorsOf(parsed.error));
    const accepted = await acceptInvitation(await getDb(), params.token, parsed.data);
    return json({ email: accepted.email });
  } catch (error) {
    if (!(error instanceof FieldError)) throw error;
    return NextResponse.json({ error: { code: error.code, message: error.message, fields: error.fields } }, { status: 400 });
  }
});
