'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormField } from './form-field';
import { FormMessage } from './form-message';
import { formValues, useSubmit } from './submit';

/** Name and time zone; the zone input searches every IANA zone the browser knows. */
export function OrganizationForm({ name, timezone }: { name: string; timezone: string }) {
  const router = useRouter();
  const submit = useSubmit();
  const [saved, setSaved] = useState<string | null>(null);
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return (
    <form className="stack settings-form" noValidate onSubmit={async (e) => {
      e.preventDefault();
      setSaved(null);
      const values = formValues(e.currentTarget);
      // The schema (and zod with it) loads on the first submit, not with the page.
      const { organizationSettingsSchema, fieldErrorsOf } = await import('@/lib/admin/schemas');
      const local = organizationSettingsSchema.safeParse(values);
      if (!local.success) {
        submit.setFields(fieldErrorsOf(local.error));
        return;
      }
      const result = await submit.run('/api/settings/organization', 'PATCH', local.data);
      if (result.ok) {
        setSaved('Saved. Every date now uses this time zone.');
        router.refresh();
      }
    }}>
      <FormField name="name" label="Organization name" defaultValue={name} error={submit.fields.name} required />
      <FormField name="timezone" label="Time zone" list="iana-zones" defaultValue={timezone} error={submit.fields.timezone}
        help="Type to search, e.g. Berlin or New_York. Every date and day boundary on every page uses it." required />
      <datalist id="iana-zones">{['UTC', ...zones].map((zone) => <option key={zone} value={zone} />)}</datalist>
      <FormMessage error={submit.message} success={saved} />
      <div><button type="submit" className="btn btn-primary" disabled={submit.pending}>Save</button></div>
    </form>
  );
}
