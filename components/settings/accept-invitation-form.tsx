'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { FormField } from './form-field';
import { FormMessage } from './form-message';
import { formValues, useSubmit } from './submit';

/** New account: name and a password; existing account: its password. Then signs in. */
export function AcceptInvitationForm({ token, email, hasAccount }: { token: string; email: string; hasAccount: boolean }) {
  const submit = useSubmit();
  const [gone, setGone] = useState<string | null>(null);
  return (
    <form noValidate onSubmit={async (e) => {
      e.preventDefault();
      const values = { name: hasAccount ? email : '', ...formValues(e.currentTarget) };
      // The schema (and zod with it) loads on the first submit, not with the page.
      const { acceptInvitationSchema, fieldErrorsOf } = await import('@/lib/admin/schemas');
      const local = acceptInvitationSchema.safeParse(values);
      if (!local.success) return submit.setFields(fieldErrorsOf(local.error));
      const result = await submit.run(`/api/invitations/${encodeURIComponent(token)}/accept`, 'POST', local.data);
      if (result.ok) await signIn('credentials', { email, password: local.data.password, callbackUrl: '/' });
      else if (result.status === 410) setGone(result.message);
    }}>
      {hasAccount ? null : <FormField name="name" label="Your name" autoComplete="name" error={submit.fields.name} required />}
      <FormField name="password" label={hasAccount ? 'Your current password' : 'Choose a password'} type="password"
        autoComplete={hasAccount ? 'current-password' : 'new-password'} help={hasAccount ? `You already have an account as ${email}.` : 'At least 12 characters.'}
        error={submit.fields.password} required />
      <FormMessage error={gone ?? submit.message} />
      <button type="submit" className="btn btn-primary" disabled={submit.pending || gone !== null}>Accept invitation</button>
    </form>
  );
}
